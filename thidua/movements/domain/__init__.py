"""Pure rules of movements: lifecycle, targets and progress, work quotas, registration.

No Django here (import-linter forbids it): frozen dataclasses in, results and `Reason`s out.
"""
