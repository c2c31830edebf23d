#ifndef RAPPORT_CCRYPT_SHIM_H
#define RAPPORT_CCRYPT_SHIM_H
#include <crypt.h>
#endif
