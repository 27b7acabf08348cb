CREATE TABLE IF NOT EXISTS order_statuses (
    code text PRIMARY KEY,
    label text NOT NULL
);

INSERT INTO order_statuses (code, label)
VALUES ('new', 'New'), ('paid', 'Paid'), ('shipped', 'Shipped')
ON CONFLICT (code) DO NOTHING;
