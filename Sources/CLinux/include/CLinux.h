// Linux calls that glibc declares only under _GNU_SOURCE, which Swift's Glibc module leaves out.
#pragma once
#include <sys/types.h>

/// accept4(2) with SOCK_CLOEXEC, so an accepted descriptor never leaks into a child process.
int clinux_accept_cloexec(int listener);
