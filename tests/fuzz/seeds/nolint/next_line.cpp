// NOLINTNEXTLINE(GL002, GL003)
x;
// NOLINTNEXTLINE(tfgradlint-GL00*)
y;
// NOLINTNEXTLINE(nondiff-on-loss-path)
z;
