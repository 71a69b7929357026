-- Alerts by area: residents subscribe with an e-mail address, without an account, to one or more areas or the whole
-- district, and get an e-mail for each alert at once or a weekly digest. Double opt-in: nothing is sent but the
-- confirmation until a link from it is used. Unsubscribing deletes the row, and with it every trace of the address.
create table alert_subscription (
    id              uuid primary key default gen_random_uuid(),
    email           text not null check (length(email) between 3 and 254),
    language        text not null check (language in ('sv', 'en')),
    frequency       text not null check (frequency in ('immediate', 'weekly')),
    whole_district  boolean not null,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    -- The start of the current digest week (weekly subscriptions): a digest is due seven days after it.
    digest_from     timestamptz
);

-- One subscription per address: subscribing again sends the owner a link to the one they have.
create unique index alert_subscription_email_idx on alert_subscription (lower(email));
create index alert_subscription_unconfirmed_idx on alert_subscription (created_at) where confirmed_at is null;

create table alert_subscription_area (
    subscription_id uuid not null references alert_subscription (id) on delete cascade,
    area_id         uuid not null references area (id),
    primary key (subscription_id, area_id)
);

-- The secret links of a subscription: a new one in each message (only the SHA-256 of the secret is stored, so a link
-- cannot be sent again). Any of them confirms, manages and unsubscribes; they go with the subscription.
create table alert_link (
    token_hash      bytea primary key,
    subscription_id uuid not null references alert_subscription (id) on delete cascade,
    issued_at       timestamptz not null
);

create index alert_link_subscription_idx on alert_link (subscription_id);

-- What residents are alerted about, written in the transaction of the change: a dialogue or walk published or
-- cancelled, its feedback published, a measure's status changed. Only references: the message is written from what
-- the public sees when it is sent.
create table alert_event (
    id          bigint generated always as identity primary key,
    kind        text not null check (kind in ('published', 'cancelled', 'feedback', 'measureStatus')),
    area_id     uuid not null references area (id),
    event_id    uuid references event (id) on delete cascade,
    measure_id  uuid references measure (id) on delete cascade,
    status      text,
    occurred_at timestamptz not null,
    check ((event_id is null) <> (measure_id is null))
);

create index alert_event_occurred_idx on alert_event (occurred_at);

-- Which alert went to which subscription: each exactly once, whether alone or in a digest.
create table alert_delivery (
    subscription_id uuid not null references alert_subscription (id) on delete cascade,
    alert_event_id  bigint not null references alert_event (id) on delete cascade,
    queued_at       timestamptz not null,
    primary key (subscription_id, alert_event_id)
);

-- Messages to a subscriber: unsubscribing drops those not yet sent. RFC 8058 one-click unsubscribing: the address of
-- the List-Unsubscribe header (it carries a secret, so it is cleared with the body once sent).
alter table outbox add column alert_subscription_id uuid;
create index outbox_alert_subscription_idx on outbox (alert_subscription_id) where alert_subscription_id is not null;
alter table outbox add column list_unsubscribe text;
