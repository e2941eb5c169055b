/* version: the release version, shown by --version and in reports. */
#ifndef TFG_VERSION_H
#define TFG_VERSION_H
#define TFGRADLINT_VERSION "0.1.0"
/* The project's home page, SARIF's tool.driver.informationUri; a packager
 * may point it elsewhere with -DTFGRADLINT_HOME=... */
#ifndef TFGRADLINT_HOME
#define TFGRADLINT_HOME "https://github.com/tfgradlint/tfgradlint"
#endif
#endif
