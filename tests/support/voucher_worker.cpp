// A separate process redeeming voucher codes through app::redeemVoucher, for the race test: N of these
// run at once over the same codes, each starting at a different offset. Prints "won N" and then the
// codes it redeemed, one a line; a code another process redeemed first counts as lost.
//   voucher_worker DB_URL CODES_FILE OFFSET
#include "app/vouchers.h"
#include "domain/user_error.h"
#include "persistence/soci_data_store.h"

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace md;
    if (argc != 4) {
        std::cerr << "usage: voucher_worker DB_URL CODES_FILE OFFSET\n";
        return 2;
    }
    try {
        db::SociDataStore store(db::DatabaseUrl::parse(argv[1]));
        std::vector<std::string> codes;
        std::ifstream in(argv[2]);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) codes.push_back(line);
        const std::size_t offset = std::stoul(argv[3]);
        FixedClock clock{parseTimestamp("2025-06-30T17:30:00Z").value()};
        app::RequestContext ctx{Actor{"worker" + std::string(argv[3])}, &clock, app::defaultTimeZone()};
        std::vector<std::string> won;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const std::string& code = codes[(i + offset) % codes.size()];
            try {
                app::redeemVoucher(ctx, store, code, std::nullopt, "order-" + std::string(argv[3]));
                won.push_back(code);
            } catch (const UserError& e) {
                if (e.code() != "voucher.redeemed") throw;
            }
        }
        std::cout << "won " << won.size() << "\n";
        for (const auto& c : won)
            std::cout << c << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "voucher_worker: " << e.what() << "\n";
        return 1;
    }
}
