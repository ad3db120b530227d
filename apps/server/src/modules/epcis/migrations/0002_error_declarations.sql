-- An error declaration (EPCIS 2.0 §7.4.1.2) is captured as the same event again (same eventID, same CBV 2.0
-- hash, which leaves errorDeclaration out) with an errorDeclaration element: the repository keeps it beside the
-- original, so an event ID names at most one event and one error declaration of it.
alter table epcis.event_ids add column declaration boolean not null default false;
alter table epcis.event_ids drop constraint event_ids_pkey;
alter table epcis.event_ids add primary key (event_id, declaration);
