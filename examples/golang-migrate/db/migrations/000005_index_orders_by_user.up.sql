-- Pending and UNSAFE: a plain CREATE INDEX takes a SHARE lock on orders and blocks
-- every INSERT, UPDATE and DELETE until the index is built.
CREATE INDEX IF NOT EXISTS orders_user_id_idx ON orders (user_id);
