#define _GNU_SOURCE
#include <stddef.h>
#include <sys/socket.h>
#include "CLinux.h"

int clinux_accept_cloexec(int listener) {
    return accept4(listener, NULL, NULL, SOCK_CLOEXEC);
}
