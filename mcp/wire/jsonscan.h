// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

/// A tiny scanner over JSON text that QJsonDocument already accepted. It finds the raw text of
/// members and array elements, so ids and progress tokens can be echoed byte for byte (QJsonValue
/// turns every number into a double, which loses integers above 2^53).
namespace mcp::jsonscan {

/// Index of the first non-whitespace byte at or after \a pos.
qsizetype skipSpace(QByteArrayView text, qsizetype pos);
/// End index (one past) of the JSON value starting at \a pos, or -1 if malformed.
qsizetype valueEnd(QByteArrayView text, qsizetype pos);
/// Raw text of member \a key of the object \a object (the last one if duplicated), or a null view.
QByteArrayView member(QByteArrayView object, QByteArrayView key);
/// Raw text of the member reached by following \a path through nested objects, or a null view.
QByteArrayView path(QByteArrayView object, std::initializer_list<QByteArrayView> keys);
/// Raw text of each element of \a array.
QList<QByteArrayView> elements(QByteArrayView array);

/// What a relay needs to know about one JSON-RPC message, from the raw text of its top-level
/// members (no full parse; the first occurrence of a key counts).
struct Envelope
{
    bool isObject = false; ///< the text starts with '{'
    QByteArrayView id; ///< raw JSON text of "id" (e.g. 7, "a" with its quotes), empty if absent
    QByteArrayView method; ///< contents of the "method" string, escapes not decoded
    bool isResponse = false; ///< has "result" or "error"

    bool isRequest() const { return !id.isEmpty() && !method.isEmpty(); }

    bool isNotification() const { return id.isEmpty() && !method.isEmpty(); }
};

/// One pass over the top-level members that stops as soon as id and method (or, for a response,
/// the id) are known. Works on a cut prefix of a line too: a value cut off is never reported.
Envelope envelope(QByteArrayView message);

} // namespace mcp::jsonscan
