DROP TABLE IF EXISTS order_statuses;
