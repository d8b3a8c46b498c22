// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

// A process of another real user at one end of a Unix socket, for the peer-credential tests: a
// forked child that switches to uid/gid 65534 (nobody). Only root can do that, so the tests skip
// (with the reason) when not root. The child uses plain system calls only and ends with _exit().

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace otheruser {

inline constexpr unsigned Nobody = 65534;

// Empty when the test can run; else the reason to skip.
inline QString unavailable()
{
#if defined(Q_OS_LINUX)
    return ::geteuid() == 0 ? QString() : QStringLiteral("needs root to run a process as uid 65534 (nobody)");
#else
    return QStringLiteral("the other-user helper is written for Linux");
#endif
}

#if defined(Q_OS_LINUX)

inline bool becomeNobody()
{
    return ::setgroups(0, nullptr) == 0 && ::setgid(Nobody) == 0 && ::setuid(Nobody) == 0;
}

inline sockaddr_un address(const QByteArray &path)
{
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    qstrncpy(a.sun_path, path.constData(), sizeof(a.sun_path));
    return a;
}

// Waits (processing Qt events, so that servers in this process keep working) for the child to
// end; its exit status, or -1 on timeout (the child is then killed).
inline int waitForChild(pid_t pid, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (timer.elapsed() > timeoutMs) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        QTest::qWait(10);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A server run by nobody at `path`: the socket is bound there by this (root) process, then the
// child becomes nobody and calls listen(), which is where Linux records the server's
// credentials (SO_PEERCRED of every client that connects). Every byte a client sends is
// forwarded to a pipe (received()), and each line is answered with a canned "result".
class Server
{
public:
    explicit Server(const QString &path)
    {
        int ready[2];
        if (::pipe(ready) != 0 || ::pipe(m_report) != 0) {
            return;
        }
        const QByteArray native = path.toLocal8Bit();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::close(ready[0]);
            ::close(m_report[0]);
            const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
            const sockaddr_un a = address(native);
            if (s < 0 || ::bind(s, reinterpret_cast<const sockaddr *>(&a), sizeof(a)) != 0 || !becomeNobody()
                || ::listen(s, 16) != 0) {
                ::_exit(3);
            }
            (void)!::write(ready[1], "r", 1);
            for (;;) {
                const int c = ::accept(s, nullptr, nullptr);
                if (c < 0) {
                    continue;
                }
                char buffer[4096];
                ssize_t n;
                while ((n = ::read(c, buffer, sizeof(buffer))) > 0) {
                    (void)!::write(m_report[1], buffer, size_t(n));
                    static const char answer[] =
                        R"({"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"Confirmed"}]}})"
                        "\n";
                    (void)!::write(c, answer, sizeof(answer) - 1);
                }
                ::close(c);
            }
        }
        ::close(ready[1]);
        ::close(m_report[1]);
        pollfd p{ready[0], POLLIN, 0};
        char byte = 0;
        m_ready = m_pid > 0 && ::poll(&p, 1, 10000) == 1 && ::read(ready[0], &byte, 1) == 1;
        ::close(ready[0]);
        ::fcntl(m_report[0], F_SETFL, O_NONBLOCK);
    }

    ~Server()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_report[0] >= 0) {
            ::close(m_report[0]);
        }
    }

    bool isReady() const { return m_ready; }

    // What clients sent so far.
    QByteArray received()
    {
        char buffer[4096];
        ssize_t n;
        while ((n = ::read(m_report[0], buffer, sizeof(buffer))) > 0) {
            m_received.append(buffer, n);
        }
        return m_received;
    }

private:
    pid_t m_pid = -1;
    int m_report[2] = {-1, -1};
    bool m_ready = false;
    QByteArray m_received;
};

// A client run by nobody: connects to `path`, sends one line and waits up to `waitMs` for the
// server's reaction. Exit status: 0 the server closed the connection without a byte, 1 it sent
// data, 2 it kept the connection open and silent, 3 the connection failed, 4 not nobody.
inline int connectAsNobody(const QString &path, int waitMs, int timeoutMs)
{
    const QByteArray native = path.toLocal8Bit();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (!becomeNobody()) {
            ::_exit(4);
        }
        const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
        const sockaddr_un a = address(native);
        if (s < 0 || ::connect(s, reinterpret_cast<const sockaddr *>(&a), sizeof(a)) != 0) {
            ::_exit(3);
        }
        static const char line[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n";
        (void)!::write(s, line, sizeof(line) - 1);
        pollfd p{s, POLLIN, 0};
        if (::poll(&p, 1, waitMs) != 1) {
            ::_exit(2);
        }
        char byte;
        ::_exit(::read(s, &byte, 1) > 0 ? 1 : 0);
    }
    return pid > 0 ? waitForChild(pid, timeoutMs) : -1;
}

#endif

} // namespace otheruser
