-- Pending and safe: a nullable column without a default is a catalog-only change,
-- and the lock timeout keeps the brief ACCESS EXCLUSIVE lock from queueing behind
-- long transactions.
SET lock_timeout = '2s';

ALTER TABLE users ADD COLUMN IF NOT EXISTS last_login_at timestamptz;
