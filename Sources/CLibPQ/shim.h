// libpq, PostgreSQL's C client (Debian: libpq-dev). Only Sources/DepositPostGIS imports it.
#include <libpq-fe.h>
