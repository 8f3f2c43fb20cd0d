// SPDX-License-Identifier: MIT
#include "cli/passwordprompt.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace Proctor::Collector::Cli {
namespace {

std::string readLine(bool echo)
{
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty && !echo) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty && !echo) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

std::optional<QByteArray> readNewPassword(const char *command, const QString &prompt)
{
    std::string typed;
    if (isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "%s", qPrintable(prompt));
        typed = readLine(false);
        std::fprintf(stderr, "Repeat: ");
        std::string again = readLine(false);
        const bool same = again == typed;
        std::fill(again.begin(), again.end(), '\0');
        if (!same) {
            std::fill(typed.begin(), typed.end(), '\0');
            std::fprintf(stderr, "%s: the passwords differ\n", command);
            return std::nullopt;
        }
    } else {
        typed = readLine(true);
    }
    QByteArray password(typed.data(), qsizetype(typed.size()));
    std::fill(typed.begin(), typed.end(), '\0');
    return password;
}

} // namespace Proctor::Collector::Cli
