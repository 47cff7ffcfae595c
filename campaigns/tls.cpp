#include "campaigns/tls.h"

#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>

#include <map>
#include <mutex>

namespace md::campaigns {

Poco::Net::Context::Ptr tlsClientContext(bool verify, const std::string& caFile) {
    using Poco::Net::Context;
    static std::mutex mutex;
    static std::map<std::pair<bool, std::string>, Context::Ptr> contexts;
    std::lock_guard lock(mutex);
    static const bool initialised = [] {
        Poco::Net::initializeSSL();
        // Without a handler Poco looks for an application configuration to build one, and there is none.
        Poco::Net::SSLManager::instance().initializeClient(
            Poco::Net::SSLManager::PrivateKeyPassphraseHandlerPtr(),
            new Poco::Net::RejectCertificateHandler(false),
            new Context(Context::TLS_CLIENT_USE, "", Context::VERIFY_RELAXED, 9, true));
        return true;
    }();
    (void)initialised;
    auto& ctx = contexts[{verify, caFile}];
    if (!ctx) {
        ctx = new Context(Context::TLS_CLIENT_USE, caFile,
                          verify ? Context::VERIFY_RELAXED : Context::VERIFY_NONE, 9, true);
        // Host-name checking is part of verification: off together with it.
        if (!verify) ctx->enableExtendedCertificateVerification(false);
    }
    return ctx;
}

} // namespace md::campaigns
