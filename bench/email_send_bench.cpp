// Campaign email throughput to postfix's smtp-sink: our path (render the template, compose MIME with
// signed headers, send; N workers, each on its own kept-open Poco connection) against postfix's own
// load generator smtp-source sending messages of the same size over the same number of parallel,
// kept-open sessions (-d) to the same sink in the same run. Target: at least 0.5x smtp-source's rate.
// usage: email_send_bench [--messages N] [--connections C] [--sink HOST:PORT] (default
// $MEMBERDESK_TEST_SMTP_SINK)
#include "bench/bench_timing.h"
#include "campaigns/smtp_sender.h"
#include "campaigns/transport_settings.h"
#include "domain/campaigns/template.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

using namespace md::campaigns;
using namespace md::bench;

int main(int argc, char** argv) {
    const char* sinkEnv = std::getenv("MEMBERDESK_TEST_SMTP_SINK");
    const auto sink = optionArg(argc, argv, "--sink", sinkEnv ? sinkEnv : "");
    if (sink.empty()) {
        std::cerr << "no sink: pass --sink HOST:PORT or source the env of scripts/test-servers.sh\n";
        return 2;
    }
    const int messages = std::stoi(optionArg(argc, argv, "--messages", "5000"));
    const int connections = std::stoi(optionArg(argc, argv, "--connections", "4"));

    // A realistic ~10 KB campaign body: Chinese and Latin text, merge fields, a conditional block.
    std::string html =
        "<html><body><h1>{{name}}，您好</h1>{{#if tier == \"GOLD\"}}<p>金卡会员专享</p>{{/if}}";
    while (html.size() < 9000)
        html += "<p>会员日双倍积分 Double points on member day for {{name}} ({{card_no}}), {{points}} "
                "points.</p>";
    html += "</body></html>";
    const CompiledEmail t({"{{name}}，您的积分 {{points}} 即将过期", html, "{{name}}: {{points}} points"});
    const EmailEnvelope env{{"会员中心", "news@shop.example.cn"},
                            "bench-secret",
                            "https://shop.example.cn/u",
                            "unsub@shop.example.cn"};

    SmtpConfig config;
    config.host = sink.substr(0, sink.rfind(':'));
    config.port = std::stoi(sink.substr(sink.rfind(':') + 1));
    config.security = SmtpConfig::Security::None;
    config.connections = connections;
    SmtpSender sender(config);

    auto compose = [&](int i) {
        const MergeValues v = {{"name", "王小明" + std::to_string(i)},
                               {"card_no", "MD" + std::to_string(7000000 + i)},
                               {"tier", i % 3 ? "SILVER" : "GOLD"},
                               {"points", std::to_string(i * 7 % 5000)}};
        return composeEmail(campaignEmail(env, 1, i, {"", "m" + std::to_string(i) + "@example.com"},
                                          t.render(v), md::Timestamp(std::chrono::seconds(1790000000))));
    };
    const auto size = compose(0).data.size();

    // As the outbox drain will: each of the N workers renders, composes and sends its next message.
    std::atomic<int> next{0}, sent{0};
    auto t0 = Clock::now();
    {
        std::vector<std::jthread> workers;
        for (int w = 0; w < connections; ++w)
            workers.emplace_back([&] {
                for (int i = next++; i < messages; i = next++)
                    sent += sender.send(compose(i)).sent();
            });
    }
    const double oursSeconds = secondsSince(t0);

    // The same work without the network, to show how the time splits.
    t0 = Clock::now();
    std::size_t bytes = 0;
    for (int i = 0; i < std::min(messages, 1000); ++i)
        bytes += compose(i).data.size();
    const double composeEach = secondsSince(t0) / std::min(messages, 1000);
    if (bytes == 0) return 1;

    // smtp-source's -l is the body length; its few headers make up the rest of our size.
    const std::string cmd = "/usr/sbin/smtp-source -d -s " + std::to_string(connections) + " -m " +
                            std::to_string(messages) + " -l " + std::to_string(size) +
                            " -f news@shop.example.cn -t m@example.com " + sink;
    t0 = Clock::now();
    const int rc = std::system(cmd.c_str());
    const double sourceSeconds = secondsSince(t0);

    const double ours = sent / oursSeconds, theirs = messages / sourceSeconds;
    std::cout << "messages " << messages << " of " << size << " bytes, " << connections << " connections\n"
              << "ours (render+compose+send): " << sent << " sent in " << oursSeconds << " s = " << ours
              << " msg/s (render+compose alone: " << composeEach * 1e6 << " us a message, one thread)\n"
              << "smtp-source:                " << messages << " in " << sourceSeconds << " s = " << theirs
              << " msg/s" << (rc ? " (smtp-source FAILED)" : "") << "\n"
              << "ratio ours/smtp-source: " << ours / theirs << " (target >= 0.5)\n";
    return sent == messages && rc == 0 ? 0 : 1;
}
