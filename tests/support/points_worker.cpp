// A separate process that posts points to one member, for the concurrency tests: every third posting
// credits 5 points, the others try to redeem 7 (refused when the balance is short). Prints
// "credited N redeemed M" so the test can compute the exact expected balance.
//   points_worker DB_URL MEMBER_ID COUNT PREFIX
#include "persistence/loyalty_repository.h"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    using namespace md;
    using namespace md::loyalty;
    if (argc != 5) {
        std::cerr << "usage: points_worker DB_URL MEMBER_ID COUNT PREFIX\n";
        return 2;
    }
    try {
        db::Database database(db::DatabaseUrl::parse(argv[1]));
        db::SociLoyaltyRepository repo(database);
        const std::int64_t member = std::stoll(argv[2]);
        const int count = std::stoi(argv[3]);
        const std::string prefix = argv[4];
        const Timestamp now = parseTimestamp("2026-06-01T04:00:00Z").value();
        const Date day = parseDate("2026-06-01").value();
        int credited = 0, redeemed = 0;
        for (int i = 0; i < count; ++i) {
            Posting p;
            p.memberId = member;
            p.occurredAt = now;
            p.localDate = day;
            p.key = prefix + "-" + std::to_string(i);
            if (i % 3 == 0) {
                p.kind = EntryKind::Adjust;
                p.points = 5;
                p.availableOn = day;
                p.expiresOn = parseDate("2027-12-31").value();
            } else {
                p.kind = EntryKind::Redeem;
                p.points = -7;
            }
            if (repo.post(p, prefix, now).status == PostStatus::Posted)
                ++(p.points > 0 ? credited : redeemed);
        }
        std::cout << "credited " << credited << " redeemed " << redeemed << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "points_worker: " << e.what() << "\n";
        return 1;
    }
}
