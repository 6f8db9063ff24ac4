-- Placeholder holding number 8 for branch `oai` (issue 13), so the harvest branch's 0009 runs
-- without a gap. When oai is merged its own 0008_*.sql replaces this file: delete this one.
SELECT 1;
