-- Measured under the benchmark (bench/ledger): two costs on the write path that bought little.
--
-- 1. 0001's NOTIFY trigger: a transaction that runs NOTIFY takes PostgreSQL's notification-queue lock and holds it
--    until its commit is done (async.c, PreCommit_Notify), so every transaction that logs an entry committed one
--    after another, defeating group commit. The sequencer polls instead (a cheap check of the pending-outbox
--    index every 100 ms), which keeps commit → checkpoint well under the 0.5 s target.
drop trigger ledger_entry_notify on platform.outbox;
drop function ledger.notify_entry();

-- 2. Two indexes per entry: lookups only ever go by (kind, record id, hash), so the leaf index rides in that one
--    index (index-only scans) and the primary-key index on leaf_index goes. The tree-state row lock is what
--    keeps indices unique; the entry bundles hold the leaves themselves.
alter table ledger.entries drop constraint entries_pkey;
drop index ledger.entries_record_idx;
create unique index entries_record_idx on ledger.entries (kind, record_id, sha256) include (leaf_index);
