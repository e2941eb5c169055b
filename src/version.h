/* version: the release version, shown by --version and in reports. */
#ifndef TFG_VERSION_H
#define TFG_VERSION_H
#define TFGRADLINT_VERSION "0.1.0"
#endif
