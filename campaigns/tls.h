#pragma once
// TLS set-up shared by the SMTP and HTTP transports.
#include <Poco/Net/Context.h>

#include <string>

namespace md::campaigns {

/// A client context that verifies the peer against the system CAs plus caFile (if any) when verify is
/// true, or checks nothing (test servers with throwaway certificates). Initialises Poco's SSL once, with
/// a handler that rejects an unverifiable certificate instead of asking anyone.
Poco::Net::Context::Ptr tlsClientContext(bool verify, const std::string& caFile);

} // namespace md::campaigns
