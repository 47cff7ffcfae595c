#include "campaigns/senders.h"

#include <atomic>
#include <thread>

namespace md::campaigns {

namespace {

// Workers take the next index until none is left, so a slow message does not hold up a whole share.
template <class Sender, class Message>
std::vector<Outcome> spread(Sender& sender, const std::vector<Message>& batch, int parallelism) {
    std::vector<Outcome> out(batch.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < batch.size(); i = next++)
            out[i] = sender.send(batch[i]);
    };
    const auto n = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, parallelism)), batch.size());
    std::vector<std::jthread> workers;
    for (std::size_t w = 1; w < n; ++w)
        workers.emplace_back(work);
    work();
    return out;
}

} // namespace

std::vector<Outcome> EmailSender::sendAll(const std::vector<OutgoingEmail>& batch) {
    return spread(*this, batch, parallelism());
}

std::vector<Outcome> SmsSender::sendAll(const std::vector<OutgoingSms>& batch) {
    return spread(*this, batch, parallelism());
}

} // namespace md::campaigns
