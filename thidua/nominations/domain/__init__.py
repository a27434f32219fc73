"""Pure rules of the nomination procedure: routing between levels, deadlines in working days,
the appraisal checklist, public comment and what blocks a submission (no Django, no clock)."""
