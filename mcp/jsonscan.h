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

} // namespace mcp::jsonscan
