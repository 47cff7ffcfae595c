#include "domain/safe_output.h"

#include "domain/user_error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>

namespace md {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void refuse(const fs::path& target, const std::string& reason) {
    throw UserError("file.unsafe_target", {{"path", target.string()}, {"reason", reason}},
                    "refusing to write " + target.string() + ": " + reason);
}

[[noreturn]] void cannotWrite(const fs::path& target, const std::string& reason) {
    throw UserError("file.cannot_write", {{"path", target.string()}, {"reason", reason}},
                    "cannot write " + target.string() + ": " + reason);
}

const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "it is a directory";
    if (S_ISLNK(mode)) return "it is a symbolic link";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device";
    if (S_ISFIFO(mode)) return "it is a named pipe";
    if (S_ISSOCK(mode)) return "it is a socket";
    return "it is not a regular file";
}

// The name a path would have once created: symlinks in its folders resolved, "." and ".." gone.
fs::path resolvedName(const fs::path& p) {
    std::error_code ec;
    auto r = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? p.lexically_normal() : r;
}

} // namespace

std::vector<fs::path> sqliteFiles(const fs::path& database) {
    const std::string d = database.string();
    return {database, d + "-wal", d + "-shm", d + "-journal"};
}

void checkOutputTarget(const fs::path& target, const std::vector<fs::path>& protectedPaths) {
    if (target.empty()) refuse(target, "no file name given");
    struct stat t {};
    const bool exists = ::lstat(target.c_str(), &t) == 0;
    if (exists && !S_ISREG(t.st_mode)) refuse(target, kindOf(t.st_mode));
    const fs::path name = resolvedName(target);
    for (const auto& p : protectedPaths) {
        if (p.empty()) continue;
        struct stat s {};
        // The same file under another name (a hard link, a symlinked folder) is the same file.
        if (exists && ::stat(p.c_str(), &s) == 0 && s.st_dev == t.st_dev && s.st_ino == t.st_ino)
            refuse(target, "it is " + p.string() + ", which must not be overwritten");
        // A journal that does not exist yet must not be created either: SQLite would read it.
        if (resolvedName(p) == name)
            refuse(target, "it is " + p.string() + ", which must not be overwritten");
    }
}

// A stream buffer over a file descriptor that remembers the first write error.
struct SafeOutputFile::Buffer : std::streambuf {
    int fd = -1;
    int error = 0;
    char data[1 << 16];

    Buffer() { setp(data, data + sizeof data); }

    bool drain() {
        const char* p = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && error == 0) {
            const ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                error = errno;
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(data, data + sizeof data);
        return error == 0;
    }
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }
};

SafeOutputFile::SafeOutputFile(fs::path target, const std::vector<fs::path>& protectedPaths)
    : m_target(std::move(target)), m_protected(protectedPaths), m_buffer(std::make_unique<Buffer>()) {
    checkOutputTarget(m_target, m_protected);
    const fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
    std::random_device rd;
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    for (int attempt = 0; attempt < 100 && m_buffer->fd < 0; ++attempt) {
        std::string suffix;
        for (int i = 0; i < 8; ++i)
            suffix += kDigits[rd() % 36];
        m_temp = dir / ("." + m_target.filename().string() + "." + suffix + ".tmp");
        // O_EXCL refuses any existing name, a symlink (even a dangling one) included; O_NOFOLLOW too.
        m_buffer->fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (m_buffer->fd < 0 && errno != EEXIST) cannotWrite(m_target, std::strerror(errno));
    }
    if (m_buffer->fd < 0) cannotWrite(m_target, "no free temporary name in " + dir.string());
    m_stream = std::make_unique<std::ostream>(m_buffer.get());
}

SafeOutputFile::~SafeOutputFile() {
    discard();
}

std::ostream& SafeOutputFile::stream() {
    return *m_stream;
}

void SafeOutputFile::close() {
    if (m_buffer->fd < 0) return;
    m_stream->flush();
    int error = m_buffer->error;
    // The data must be on disk before the rename makes it the file the user asked for.
    if (error == 0 && ::fsync(m_buffer->fd) != 0) error = errno;
    if (::close(m_buffer->fd) != 0 && error == 0) error = errno;
    m_buffer->fd = -1;
    if (error != 0 || !*m_stream) cannotWrite(m_target, error ? std::strerror(error) : "write failed");
}

void SafeOutputFile::commit() {
    close();
    checkOutputTarget(m_target, m_protected);
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0) cannotWrite(m_target, std::strerror(errno));
    m_done = true;
}

void SafeOutputFile::discard() {
    if (m_buffer && m_buffer->fd >= 0) {
        ::close(m_buffer->fd);
        m_buffer->fd = -1;
    }
    if (!m_done && !m_temp.empty()) {
        ::unlink(m_temp.c_str());
        m_done = true;
    }
}

} // namespace md
