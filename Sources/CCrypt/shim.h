// libxcrypt from Debian's libcrypt-dev: crypt_gensalt_rn and crypt_rn for yescrypt hashes.
#include <crypt.h>
