// Typed wrappers for the C calls Swift cannot make: variadic functions and cast macros.
#ifndef STRIPEBRIDGE_CSHIMS_H
#define STRIPEBRIDGE_CSHIMS_H

#include <curl/curl.h>
#include <microhttpd.h>
#include <sqlite3.h>
#include <stdint.h>

// curl_easy_setopt is variadic; one wrapper per argument type.
static inline CURLcode sb_curl_set_long(CURL *c, CURLoption o, long v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode sb_curl_set_string(CURL *c, CURLoption o, const char *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode sb_curl_set_pointer(CURL *c, CURLoption o, void *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode sb_curl_set_slist(CURL *c, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(c, o, v); }
typedef size_t (*sb_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode sb_curl_set_callback(CURL *c, CURLoption o, sb_curl_data_callback f) { return curl_easy_setopt(c, o, f); }
// curl_easy_getinfo is variadic too.
static inline CURLcode sb_curl_get_long(CURL *c, CURLINFO i, long *out) { return curl_easy_getinfo(c, i, out); }

// SQLITE_TRANSIENT is a cast macro: SQLite copies the bound bytes before returning.
static inline sqlite3_destructor_type sb_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// MHD_start_daemon is variadic: starts a daemon bound to 127.0.0.1:port with its own threads.
// Port 0 picks a free port; read it back with sb_mhd_bound_port.
struct MHD_Daemon *sb_mhd_start_loopback(uint16_t port, unsigned int threads,
                                         MHD_AccessHandlerCallback handler, void *handler_cls,
                                         MHD_RequestCompletedCallback completed, void *completed_cls);
uint16_t sb_mhd_bound_port(struct MHD_Daemon *d);

// sched_setaffinity needs _GNU_SOURCE and CPU_SET is a macro: pins one thread (Linux thread
// id) to the listed CPUs. Returns 0, or -1 with errno set.
int sb_pin_thread(int thread_id, const int *cpus, int count);

#endif
