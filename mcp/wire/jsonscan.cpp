// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/wire/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mcp::jsonscan {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype stringEnd(QByteArrayView text, qsizetype pos)
{
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    return -1;
}

qsizetype containerEnd(QByteArrayView text, qsizetype pos)
{
    int depth = 0;
    for (qsizetype i = pos; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            i = stringEnd(text, i);
            if (i < 0) {
                return -1;
            }
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                return i + 1;
            }
        }
    }
    return -1;
}

bool keyEquals(QByteArrayView token, QByteArrayView key)
{
    const QByteArrayView inner = token.sliced(1, token.size() - 2);
    if (!inner.contains('\\')) {
        return inner == key;
    }
    const QJsonDocument doc = QJsonDocument::fromJson('[' + token.toByteArray() + ']');
    return doc.array().at(0).toString().toUtf8() == key;
}

} // namespace

qsizetype skipSpace(QByteArrayView text, qsizetype pos)
{
    while (pos < text.size() && isSpace(text[pos])) {
        ++pos;
    }
    return pos;
}

qsizetype valueEnd(QByteArrayView text, qsizetype pos)
{
    if (pos < 0 || pos >= text.size()) {
        return -1;
    }
    const char c = text[pos];
    if (c == '"') {
        return stringEnd(text, pos);
    }
    if (c == '{' || c == '[') {
        return containerEnd(text, pos);
    }
    qsizetype i = pos;
    while (i < text.size() && !isSpace(text[i]) && text[i] != ',' && text[i] != '}' && text[i] != ']') {
        ++i;
    }
    return i > pos ? i : -1;
}

QByteArrayView member(QByteArrayView object, QByteArrayView key)
{
    QByteArrayView found;
    qsizetype i = skipSpace(object, 0);
    if (i >= object.size() || object[i] != '{') {
        return found;
    }
    i = skipSpace(object, i + 1);
    while (i < object.size() && object[i] == '"') {
        const qsizetype keyEnd = stringEnd(object, i);
        if (keyEnd < 0) {
            return {};
        }
        const QByteArrayView keyToken = object.sliced(i, keyEnd - i);
        i = skipSpace(object, keyEnd);
        if (i >= object.size() || object[i] != ':') {
            return {};
        }
        i = skipSpace(object, i + 1);
        const qsizetype end = valueEnd(object, i);
        if (end < 0) {
            return {};
        }
        if (keyEquals(keyToken, key)) {
            found = object.sliced(i, end - i);
        }
        i = skipSpace(object, end);
        if (i < object.size() && object[i] == ',') {
            i = skipSpace(object, i + 1);
        }
    }
    return found;
}

QByteArrayView path(QByteArrayView object, std::initializer_list<QByteArrayView> keys)
{
    QByteArrayView current = object;
    for (const QByteArrayView key : keys) {
        current = member(current, key);
        if (current.isNull()) {
            return {};
        }
    }
    return current;
}

QList<QByteArrayView> elements(QByteArrayView array)
{
    QList<QByteArrayView> out;
    qsizetype i = skipSpace(array, 0);
    if (i >= array.size() || array[i] != '[') {
        return out;
    }
    i = skipSpace(array, i + 1);
    while (i < array.size() && array[i] != ']') {
        const qsizetype end = valueEnd(array, i);
        if (end < 0) {
            return out;
        }
        out.append(array.sliced(i, end - i));
        i = skipSpace(array, end);
        if (i < array.size() && array[i] == ',') {
            i = skipSpace(array, i + 1);
        }
    }
    return out;
}

Envelope envelope(QByteArrayView text)
{
    Envelope out;
    qsizetype i = skipSpace(text, 0);
    if (i >= text.size() || text[i] != '{') {
        return out;
    }
    out.isObject = true;
    i = skipSpace(text, i + 1);
    while (i < text.size() && text[i] == '"') {
        const qsizetype keyEnd = stringEnd(text, i);
        if (keyEnd < 0) {
            return out;
        }
        const QByteArrayView keyToken = text.sliced(i, keyEnd - i);
        i = skipSpace(text, keyEnd);
        if (i >= text.size() || text[i] != ':') {
            return out;
        }
        i = skipSpace(text, i + 1);
        if (keyEquals(keyToken, "result") || keyEquals(keyToken, "error")) {
            out.isResponse = true;
            if (!out.id.isEmpty()) {
                return out; // a response needs nothing beyond its id
            }
        }
        const qsizetype end = valueEnd(text, i);
        if (end < 0 || end >= text.size()) {
            return out; // cut off (a complete object still has its closing brace)
        }
        if (out.id.isEmpty() && keyEquals(keyToken, "id")) {
            out.id = text.sliced(i, end - i);
        } else if (out.method.isEmpty() && text[i] == '"' && keyEquals(keyToken, "method")) {
            out.method = text.sliced(i + 1, end - i - 2);
        }
        if (!out.id.isEmpty() && !out.method.isEmpty()) {
            return out;
        }
        i = skipSpace(text, end);
        if (i < text.size() && text[i] == ',') {
            i = skipSpace(text, i + 1);
        }
    }
    return out;
}

} // namespace mcp::jsonscan
