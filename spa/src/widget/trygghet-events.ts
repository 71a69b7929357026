import { TrygghetClient, type PublicEvent } from '@trygghet/client';
import { upcomingEvents, eventPath, whereToGo } from '../features/events/upcoming';
import { formatDate, formatTime } from '../shared/format';

/**
 * <trygghet-events area="fruangen" lang="sv" limit="5" base-url="https://trygghet.example">
 * Upcoming safety dialogues and walks of an area, for the city's and others' web pages: when, where to go (the venue
 * or the walk's meeting point) and, on a line of its own, the place the event is about. One plain
 * script (no framework); Shadow DOM keeps the host page's styles and ours apart. An area that does
 * not exist is said in so many words ("Okänt område: fruangn"), never shown as an empty list.
 */

// Where the script was loaded from is where Trygghet is, unless base-url says otherwise. Only known
// while the script runs for the first time.
const script = document.currentScript as HTMLScriptElement | null;
const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;

type Lang = 'sv' | 'en';

export const texts = {
  sv: {
    heading: 'Kommande trygghetsdialoger och vandringar i {area}',
    loading: 'Laddar…',
    empty: 'Inga kommande dialoger eller vandringar just nu.',
    error: 'Det gick inte att hämta dialoger och vandringar.',
    unknownArea: 'Okänt område: {area}',
    all: 'Alla dialoger och vandringar i {area}',
    watch: 'Bevaka {area}: få e-post om nya dialoger och vandringar',
    time: '{date}, kl. {start}–{end}',
    cancelled: 'Inställd',
    about: 'Handlar om: {place}',
    kind: { dialogue: 'Trygghetsdialog', walk: 'Trygghetsvandring' },
    format: { onSite: 'På plats', remote: 'Digitalt', hybrid: 'På plats och digitalt' },
  },
  en: {
    heading: 'Upcoming safety dialogues and walks in {area}',
    loading: 'Loading…',
    empty: 'No upcoming dialogues or walks right now.',
    error: 'The dialogues and walks could not be loaded.',
    unknownArea: 'Unknown area: {area}',
    all: 'All dialogues and walks in {area}',
    watch: 'Follow {area}: get e-mails about new dialogues and walks',
    time: '{date}, {start}–{end}',
    cancelled: 'Cancelled',
    about: 'About: {place}',
    kind: { dialogue: 'Safety dialogue', walk: 'Safety walk' },
    format: { onSite: 'On site', remote: 'Online', hybrid: 'On site and online' },
  },
} satisfies Record<Lang, unknown>;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

// Neutral styles: inherit the host's font and colours, keep contrast where we set colours ourselves.
const styles = `
:host { display: block; font: inherit; color: inherit; }
h2 { font-size: 1.25em; margin: 0 0 .5em; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid #8a94a3; padding: .5em 0; }
h3 { font-size: 1em; margin: 0; }
p { margin: .15em 0; }
a { color: inherit; }
a:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
.meta { font-size: .9em; }
.cancelled { font-weight: 700; color: #b01c2e; }
.all { margin-top: .5em; }
`;

export class TrygghetEvents extends HTMLElement {
  static observedAttributes = ['area', 'lang', 'limit', 'base-url'];
  readonly #body: HTMLDivElement;
  #controller?: AbortController;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${styles}</style><div aria-live="polite"></div>`;
    // One live region for the element's life: replacing it would keep screen readers from announcing.
    this.#body = root.lastElementChild as HTMLDivElement;
  }

  connectedCallback() {
    void this.load();
  }

  disconnectedCallback() {
    this.#controller?.abort();
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null) {
    if (this.isConnected && previous !== next) void this.load();
  }

  /** The language asked of the events' own texts: the lang attribute as given (ar, fi …), where an event has it. */
  get contentLanguage(): string | undefined {
    return this.getAttribute('lang')?.trim().toLowerCase() || undefined;
  }

  get language(): Lang {
    return this.getAttribute('lang') === 'en' ? 'en' : 'sv';
  }

  get baseUrl(): string {
    return (this.getAttribute('base-url') ?? scriptOrigin).replace(/\/+$/, '');
  }

  get limit(): number {
    const limit = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return Number.isFinite(limit) && limit > 0 ? Math.min(limit, 50) : 5;
  }

  /** Loads and renders; resolves when the list (or the error) is shown. */
  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const area = this.getAttribute('area') ?? '';
    const text = texts[this.language];
    this.#render(`<p role="status">${text.loading}</p>`);
    const client = new TrygghetClient(this.baseUrl, {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), 'Accept-Language': this.language } }),
    });
    const listing = upcomingEvents(client, { area, lang: this.contentLanguage }, controller.signal, this.limit);
    try {
      const [detail, events] = await Promise.all([client.getArea(area, controller.signal), listing]);
      if (controller.signal.aborted) return;
      this.#render(this.#list(detail.name, detail.slug, events.slice(0, this.limit)));
    } catch (error) {
      // The listings' 400 says best what is wrong with the attributes: wait for it rather than the area's 404.
      const reason = await listing.then(() => error, (failure: unknown) => failure);
      if (controller.signal.aborted) return;
      this.#render(`<p role="alert">${escape(unknownArea(reason, area, text.unknownArea) ?? text.error)}</p>`);
    }
  }

  #list(areaName: string, areaSlug: string, events: PublicEvent[]): string {
    const lang = this.language;
    const text = texts[lang];
    const name = escape(areaName);
    const items = events.map((event) => {
      const where = whereToGo(event);
      const time = fill(text.time, { date: formatDate(event.startsAt, lang), start: formatTime(event.startsAt, lang), end: formatTime(event.endsAt, lang) });
      return `<li><article>
<h3 lang="${escape(event.language)}" dir="${event.language.split('-')[0] === 'ar' ? 'rtl' : 'ltr'}"><a href="${escape(this.baseUrl + eventPath(event))}">${escape(event.title)}</a></h3>
<p><time datetime="${escape(event.startsAt)}">${escape(time)}</time></p>
<p class="meta">${[text.kind[event.kind], where === null ? null : escape(where), text.format[event.format]].filter((part) => part !== null).join(' · ')}</p>
${event.place ? `<p class="meta">${escape(fill(text.about, { place: event.place }))}</p>` : ''}
${event.phase === 'cancelled' ? `<p class="cancelled">${text.cancelled}</p>` : ''}
</article></li>`;
    });
    return `<section aria-labelledby="h">
<h2 id="h">${fill(text.heading, { area: name })}</h2>
${items.length > 0 ? `<ul>${items.join('')}</ul>` : `<p>${text.empty}</p>`}
<p class="all"><a href="${escape(`${this.baseUrl}/omraden/${encodeURIComponent(areaSlug)}`)}">${fill(text.all, { area: name })}</a></p>
<p class="all"><a href="${escape(`${this.baseUrl}/bevaka?omrade=${encodeURIComponent(areaSlug)}`)}">${fill(text.watch, { area: name })}</a></p>
</section>`;
  }

  #render(html: string) {
    this.#body.innerHTML = html;
  }
}

/**
 * What to say when the area attribute names no area: the listings answer 400 with the message in `errors.area` (in the
 * language asked for), the area itself 404. Null for any other failure.
 */
export function unknownArea(error: unknown, area: string, fallback: string): string | null {
  if (!error || typeof error !== 'object' || !('status' in error)) return null;
  const { status, errors } = error as { status?: unknown; errors?: Record<string, unknown> };
  const messages = errors?.area;
  if (status === 400 && Array.isArray(messages) && typeof messages[0] === 'string') return messages[0];
  return status === 404 ? fill(fallback, { area }) : null;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

if (!customElements.get('trygghet-events')) customElements.define('trygghet-events', TrygghetEvents);
