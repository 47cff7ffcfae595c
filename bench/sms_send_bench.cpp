// SMS throughput through Kannel's sendsms: our KannelSender (encoding decision, URL building, outcome
// classification, a pool of keep-alive sessions) against a plain loop of keep-alive Poco
// HTTPClientSessions sending the same, prebuilt requests over the same number of connections, in the
// same run. Target: at least 0.8x the plain client's rate.
// usage: sms_send_bench [--messages N] [--connections C]   (needs the env of scripts/test-servers.sh)
#include "bench/bench_timing.h"
#include "campaigns/kannel_sender.h"
#include "domain/campaigns/sms_encoding.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

using namespace md::campaigns;
using namespace md::bench;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    if (!v)
        throw std::runtime_error(std::string(name) +
                                 " is not set: source the env of scripts/test-servers.sh");
    return v;
}

// The baseline: each thread one keep-alive session, requests already built, only 202 counted.
int plainClient(const Poco::URI& base, const std::vector<std::string>& targets, int connections) {
    std::atomic<std::size_t> next{0};
    std::atomic<int> accepted{0};
    auto work = [&] {
        Poco::Net::HTTPClientSession s(base.getHost(), base.getPort());
        s.setKeepAlive(true);
        for (std::size_t i = next++; i < targets.size(); i = next++) {
            Poco::Net::HTTPRequest req("GET", targets[i], Poco::Net::HTTPMessage::HTTP_1_1);
            req.setKeepAlive(true);
            s.sendRequest(req);
            Poco::Net::HTTPResponse resp;
            std::string body;
            Poco::StreamCopier::copyToString(s.receiveResponse(resp), body);
            accepted += resp.getStatus() == 202;
        }
    };
    std::vector<std::jthread> threads;
    for (int c = 0; c < connections; ++c)
        threads.emplace_back(work);
    threads.clear();
    return accepted;
}

} // namespace

int main(int argc, char** argv) {
    const int messages = std::stoi(optionArg(argc, argv, "--messages", "2000"));
    const int connections = std::stoi(optionArg(argc, argv, "--connections", "4"));
    const KannelConfig config{env("MEMBERDESK_TEST_KANNEL_URL"), env("MEMBERDESK_TEST_KANNEL_USER"),
                              env("MEMBERDESK_TEST_KANNEL_PASSWORD"), "10086"};

    std::vector<OutgoingSms> batch;
    std::vector<std::string> targets;
    const Poco::URI base(config.url);
    for (int i = 0; i < messages; ++i) {
        // Half Chinese (UCS-2), half Latin (GSM-7), as a Chinese programme's mix might be.
        const std::string text = i % 2 ? "【会员中心】您有" + std::to_string(i) + "积分将于月底过期"
                                       : "MemberDesk: " + std::to_string(i) + " points expire soon";
        const std::string to = "139" + std::to_string(10000000 + i);
        batch.push_back({to, text, {}});
        std::string t = base.getPath() + "?username=" + percentEncode(config.user) +
                        "&password=" + percentEncode(config.password) + "&to=" + to +
                        "&text=" + percentEncode(text) + "&charset=UTF-8&from=10086" +
                        (analyseSms(text).encoding == SmsEncoding::Ucs2 ? "&coding=2" : "");
        targets.push_back(t);
    }

    KannelSender sender(config, {connections, true, {}, std::chrono::seconds(30)});
    double best[2] = {1e9, 1e9};
    int counts[2] = {0, 0};
    // Alternate, twice each, so neither side always meets a Kannel still busy with the other's queue.
    for (int round = 0; round < 2; ++round) {
        auto t0 = Clock::now();
        int sent = 0;
        for (const auto& o : sender.sendAll(batch))
            sent += o.sent();
        best[0] = std::min(best[0], secondsSince(t0));
        counts[0] = sent;
        t0 = Clock::now();
        counts[1] = plainClient(base, targets, connections);
        best[1] = std::min(best[1], secondsSince(t0));
    }
    const double ours = counts[0] / best[0], theirs = counts[1] / best[1];
    std::cout << "messages " << messages << ", " << connections << " keep-alive connections (best of 2)\n"
              << "ours (KannelSender):   " << counts[0] << " accepted in " << best[0] << " s = " << ours
              << " msg/s\n"
              << "plain keep-alive loop: " << counts[1] << " accepted in " << best[1] << " s = " << theirs
              << " msg/s\n"
              << "ratio ours/plain: " << ours / theirs << " (target >= 0.8)\n";
    return counts[0] == messages && counts[1] == messages ? 0 : 1;
}
