// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "messageinfo.h"

namespace shim {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

qsizetype skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

// s[i] is the opening quote; returns the index just past the closing quote, or -1.
qsizetype skipString(QByteArrayView s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return -1;
}

// Returns the index just past the value starting at s[i], or -1.
qsizetype skipValue(QByteArrayView s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    if (s[i] == '"')
        return skipString(s, i);
    if (s[i] == '{' || s[i] == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                i = skipString(s, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return -1;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isSpace(s[i]))
        ++i;
    return i;
}

} // namespace

MessageInfo scanMessage(QByteArrayView s)
{
    MessageInfo info;
    qsizetype i = skipSpace(s, 0);
    if (i >= s.size() || s[i] != '{')
        return info;
    info.isObject = true;
    i = skipSpace(s, i + 1);
    while (i < s.size() && s[i] == '"') {
        const qsizetype keyEnd = skipString(s, i);
        if (keyEnd < 0)
            return info;
        const QByteArrayView key = s.sliced(i + 1, keyEnd - i - 2);
        i = skipSpace(s, keyEnd);
        if (i >= s.size() || s[i] != ':')
            return info;
        i = skipSpace(s, i + 1);
        if (key == "result" || key == "error") {
            info.isResponse = true;
            if (!info.id.isEmpty())
                return info; // responses need nothing beyond the id
        }
        const qsizetype end = skipValue(s, i);
        if (end < 0)
            return info;
        if (key == "id")
            info.id = s.sliced(i, end - i);
        else if (key == "method" && s[i] == '"')
            info.method = s.sliced(i + 1, end - i - 2);
        if (!info.id.isEmpty() && !info.method.isEmpty())
            return info;
        i = skipSpace(s, end);
        if (i < s.size() && s[i] == ',')
            i = skipSpace(s, i + 1);
    }
    return info;
}

} // namespace shim
