-- Placeholder holding number 7 for branch `lib-records` (issue 13), so the harvest branch's 0009 runs
-- without a gap. When lib-records is merged its own 0007_*.sql replaces this file: delete this one.
SELECT 1;
