-- Read scope (access/policy.ts): an organisation reads the events naming its GLN or company prefix as a party,
-- tested per candidate event. Without an index by event, PostgreSQL could only answer that test by hashing every
-- party row matching the organisation (all of event_parties read for each page of every query); with it, the
-- test is one index-only probe. `gln` is included so that the probe never visits the table; the source and
-- destination filters (sql-filters.ts) probe by event the same way.
create index event_parties_seq_idx on epcis.event_parties (seq) include (gln);
