-- Pending and safe: add the constraint without scanning the table, then validate it
-- with a lock that lets reads and writes continue.
SET lock_timeout = '2s';

ALTER TABLE orders
    ADD CONSTRAINT orders_status_fkey FOREIGN KEY (status) REFERENCES order_statuses (code) NOT VALID;
