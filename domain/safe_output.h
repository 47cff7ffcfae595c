#pragma once
// Files the program writes for a person (exports, rejects files): never over something that is not a
// regular file, never over a file it must keep (the open database, its WAL/journal, the input), and
// only ever through a fresh temporary next to the target (O_CREAT|O_EXCL|O_NOFOLLOW, so a planted
// symlink is never followed) that is renamed into place once complete. Lives in domain because both
// the CLI (export) and persistence (rejects files) write such files; it uses POSIX, like actor.cpp.
#include <filesystem>
#include <memory>
#include <ostream>
#include <vector>

namespace md {

/// Throws UserError "file.unsafe_target" {path, reason} when target must not be written: it exists
/// and is not a regular file (device, directory, FIFO, socket, symlink), or it is (or would become)
/// one of the protected files. Protected paths that do not exist are compared by name.
void checkOutputTarget(const std::filesystem::path& target,
                       const std::vector<std::filesystem::path>& protectedPaths);

/// The files that belong to a SQLite database: the file, -wal, -shm and -journal.
std::vector<std::filesystem::path> sqliteFiles(const std::filesystem::path& database);

class SafeOutputFile {
public:
    /// Checks target (checkOutputTarget) and creates the temporary. Throws UserError
    /// "file.unsafe_target" or "file.cannot_write" {path, reason}.
    explicit SafeOutputFile(std::filesystem::path target,
                            const std::vector<std::filesystem::path>& protectedPaths = {});
    ~SafeOutputFile(); ///< removes the temporary unless committed
    SafeOutputFile(const SafeOutputFile&) = delete;
    SafeOutputFile& operator=(const SafeOutputFile&) = delete;

    std::ostream& stream();
    const std::filesystem::path& target() const { return m_target; }
    const std::filesystem::path& temporary() const { return m_temp; }
    /// Flushes and closes; throws UserError "file.cannot_write" when any write failed (disk full).
    void close();
    /// close(), then checks the target again (it may have changed meanwhile) and renames the
    /// temporary over it. Throws UserError.
    void commit();
    /// Leaves the temporary where it is (after a failed commit, when it holds what the user needs).
    void keep() { m_done = true; }
    /// Removes the temporary (idempotent).
    void discard();

private:
    struct Buffer;
    std::filesystem::path m_target, m_temp;
    std::vector<std::filesystem::path> m_protected;
    std::unique_ptr<Buffer> m_buffer;
    std::unique_ptr<std::ostream> m_stream;
    bool m_done = false;
};

} // namespace md
