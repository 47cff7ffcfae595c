// exportMembers: the import format, read in keyset pages by card number inside one read-only
// snapshot, so a million members stream in bounded memory and the file is one consistent state.
#include "domain/csv.h"
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "persistence/member_columns.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

namespace {

constexpr int kPageRows = 10000;

const std::vector<std::string> kHeader{"card_no",       "name",        "phone",     "email",
                                       "birthday",      "gender",      "join_date", "store",
                                       "email_consent", "sms_consent", "status"};

// The file format's columns in table order (member_columns.h); the into() list below follows it.
const std::string& exportedColumns() {
    static const std::string cols = [] {
        std::string out;
        for (const auto& c : memberColumnNames(&MemberColumn::exported))
            out += (out.empty() ? "" : ", ") + c;
        return out;
    }();
    return cols;
}

// A spreadsheet runs a cell starting with = + - @ as a formula (CSV injection); a leading ' makes it
// text and the quote is not shown.
void guardFormula(std::string& cell) {
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@'))
        cell.insert(cell.begin(), '\'');
}

class MemberExporter {
public:
    MemberExporter(Database& db, std::ostream& out, const ProgressFn& progress, bool spreadsheetSafe)
        : m_sql(db.sql()), m_out(out), m_progress(progress), m_spreadsheetSafe(spreadsheetSafe) {}

    std::uint64_t run() {
        soci::transaction tr(m_sql);
        // PostgreSQL gives each statement its own snapshot unless asked; SQLite's read transaction is one.
        if (m_sql.get_backend_name() == "postgresql")
            m_sql << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
        long long total = 0;
        m_sql << "SELECT COUNT(*) FROM members", soci::into(total);
        report(0, static_cast<std::uint64_t>(total));
        writeCsvRecord(m_out, kHeader);

        std::uint64_t done = 0;
        std::string after; // card numbers are never empty, so "" sorts before them all
        for (;;) {
            const int n = page(after);
            done += static_cast<std::uint64_t>(n);
            if (!m_out) throw std::runtime_error("Writing the export failed (disk full?)");
            report(done, std::max(done, static_cast<std::uint64_t>(total)));
            if (n < kPageRows) break;
        }
        tr.commit();
        return done;
    }

private:
    // Writes the next page after card `after`; leaves `after` at the page's last card.
    int page(std::string& after) {
        std::string card, name, phone, email, birthday, gender, joinDate, store, status;
        int emailConsent = 0, smsConsent = 0;
        soci::indicator iPhone, iEmail, iBirthday, iStore;
        const std::string from = after;
        soci::statement st =
            (m_sql.prepare << "SELECT " + exportedColumns() +
                                  " FROM members WHERE card_no > :after ORDER BY card_no LIMIT :n",
             soci::use(from), soci::use(kPageRows), soci::into(card), soci::into(name),
             soci::into(phone, iPhone), soci::into(email, iEmail), soci::into(birthday, iBirthday),
             soci::into(gender), soci::into(joinDate), soci::into(store, iStore), soci::into(emailConsent),
             soci::into(smsConsent), soci::into(status));
        st.execute();
        int n = 0;
        std::vector<std::string> fields(kHeader.size());
        while (st.fetch()) {
            fields[0] = card;
            fields[1] = name;
            fields[2] = iPhone == soci::i_ok ? phone : "";
            fields[3] = iEmail == soci::i_ok ? email : "";
            fields[4] = iBirthday == soci::i_ok ? birthday : "";
            fields[5] = gender;
            fields[6] = joinDate;
            fields[7] = iStore == soci::i_ok ? store : "";
            fields[8] = emailConsent ? "1" : "0";
            fields[9] = smsConsent ? "1" : "0";
            fields[10] = status;
            if (m_spreadsheetSafe)
                for (auto& f : fields)
                    guardFormula(f);
            writeCsvRecord(m_out, fields);
            after = card;
            ++n;
        }
        return n;
    }

    void report(std::uint64_t done, std::uint64_t total) {
        if (m_progress && !m_progress(Progress{"Exporting members", done, total}))
            throw Cancelled("The export was cancelled");
    }

    soci::session& m_sql;
    std::ostream& m_out;
    const ProgressFn& m_progress;
    bool m_spreadsheetSafe;
};

} // namespace

std::uint64_t exportMembers(Database& db, std::ostream& out, const ProgressFn& progress,
                            bool spreadsheetSafe) {
    return withSqlErrors(db, "The member export failed", [&] {
        MemberExporter exporter(db, out, progress, spreadsheetSafe);
        return exporter.run();
    });
}

} // namespace md::db
