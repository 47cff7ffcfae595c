#include "campaigns/smtp_session.h"

#include "campaigns/mime_encoding.h"

#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>

namespace md::campaigns {

void SmtpSession::hello(const std::string& heloName) {
    std::string response;
    login(heloName, response);
    m_pipelining = response.find("PIPELINING") != std::string::npos;
}

void SmtpSession::startTls(const std::string& host, Poco::Net::Context::Ptr context) {
    std::string response;
    const int status = sendCommand("STARTTLS", response);
    if (!isPositiveCompletion(status)) throw Poco::Net::SMTPException("STARTTLS refused", response, status);
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
}

void SmtpSession::authLogin(const std::string& user, const std::string& password) {
    std::string response;
    int status = sendCommand("AUTH LOGIN", response);
    if (status / 100 == 3) status = sendCommand(base64(user), response);
    if (status / 100 == 3) status = sendCommand(base64(password), response);
    if (status / 100 != 2) throw Poco::Net::SMTPException("AUTH LOGIN refused", response, status);
}

void SmtpSession::write(const std::string& bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const int n = socket().sendBytes(p, static_cast<int>(std::min<std::size_t>(left, 1 << 20)));
        if (n <= 0) throw Poco::Net::NetException("the connection closed while sending");
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

SmtpSession::Reply SmtpSession::read() {
    Reply r;
    r.status = socket().receiveStatusMessage(r.text);
    return r;
}

SmtpSession::Reply SmtpSession::envelope(const std::string& from, const std::string& to) {
    const std::string mail = "MAIL FROM:<" + from + ">\r\n", rcpt = "RCPT TO:<" + to + ">\r\n";
    Reply r[3];
    if (m_pipelining) {
        // One round trip instead of three (RFC 2920); the replies come back in order.
        write(mail + rcpt + "DATA\r\n");
        for (auto& x : r)
            x = read();
    } else {
        write(mail);
        r[0] = read();
        if (r[0].status / 100 == 2) {
            write(rcpt);
            r[1] = read();
        }
        if (r[1].status / 100 == 2) {
            write("DATA\r\n");
            r[2] = read();
        }
    }
    const bool ok = r[0].status / 100 == 2 && r[1].status / 100 == 2;
    if (ok && r[2].status == 354) return r[2];
    if (r[2].status == 354) { // a server that took DATA after refusing the envelope: end it empty
        write(".\r\n");
        read();
    }
    return r[0].status / 100 != 2 ? r[0] : r[1].status / 100 != 2 ? r[1] : r[2];
}

SmtpSession::Reply SmtpSession::transmit(const std::string& data) {
    write(dotStuffed(data));
    return read();
}

bool SmtpSession::reset() {
    try {
        std::string response;
        return sendCommand("RSET", response) / 100 == 2;
    } catch (const Poco::Exception&) {
        return false;
    }
}

std::string dotStuffed(const std::string& data) {
    std::string out;
    out.reserve(data.size() + data.size() / 64 + 8);
    std::size_t start = 0;
    if (!data.empty() && data[0] == '.') out += '.';
    for (auto pos = data.find("\n.", start); pos != std::string::npos; pos = data.find("\n.", start)) {
        out.append(data, start, pos + 1 - start);
        out += '.';
        start = pos + 1;
    }
    out.append(data, start, std::string::npos);
    if (!out.ends_with("\r\n")) out += "\r\n";
    out += ".\r\n";
    return out;
}

} // namespace md::campaigns
