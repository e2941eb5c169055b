a; // NOLINT
b; // NOLINT(GL002)
c; /* NOLINT(tfgradlint-loss-outside-tape, GL003) */
d; // NOLINTFOO
e; NOLINT outside a comment
