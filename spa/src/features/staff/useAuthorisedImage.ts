import { useEffect, useState } from 'react';
import { apiBase, authorisedFetch } from '../../shared/api';

export type AuthorisedImage = { state: 'none' } | { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed' };

/**
 * An image the API serves only with the signed-in user's token (a held report's photo): an `<img src>` cannot send
 * the token, so the image is fetched with it and shown through an object URL, revoked when the path changes or the
 * component goes away. `path` is relative to the API, as the contract gives it; none loads nothing.
 */
export function useAuthorisedImage(path: string | null | undefined): AuthorisedImage {
  const [loaded, setLoaded] = useState<{ path: string; image: AuthorisedImage } | null>(null);

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let url: string | null = null;
    authorisedFetch(`${apiBase()}${path}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setLoaded({ path, image: { state: 'ready', url } });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ path, image: { state: 'failed' } });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);

  if (!path) return { state: 'none' };
  return loaded?.path === path ? loaded.image : { state: 'loading' };
}

/** The size a thumbnail is drawn at: the photo's proportions, its longest side at most 320 pixels (as the API makes it). */
export function thumbnailSize(width: number, height: number): { width: number; height: number } {
  const longest = Math.max(width, height, 1);
  const scale = Math.min(1, 320 / longest);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
