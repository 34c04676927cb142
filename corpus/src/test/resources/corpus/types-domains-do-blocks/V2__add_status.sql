ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled' AFTER 'paid';
ALTER TYPE order_status ADD VALUE 'returned';
