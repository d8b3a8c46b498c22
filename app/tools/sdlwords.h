// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

class QJsonObject;

// How compact SDL (compactsdl.h) writes one type reference, signature or description: the rules
// that keep DIMO's generated descriptions short without losing what they say (units, formats).
namespace app::tools::sdl {

QString typeRef(const QJsonObject &type); // "[Signal!]!"
QStringList words(const QString &text); // "tokenDID" → {"token", "did"}
// The first sentence of a description, at most 160 characters, DIMO's "Unit: 'km/h'" line kept
// as a trailing "[km/h]"; "" when it has nothing but units or privileges.
QString firstSentence(const QString &description);
// Full renders: a description up to its first clause (", ", "; ", " (", " - " after at least three
// words), without the closing period and a leading article; a trailing unit ("[km/h]") is kept.
QString firstClause(const QString &doc);
QString unitOf(const QString &doc); // the trailing "[km/h]", or ""
// A description that only restates the field's, its owner's and its type's names ("The
// manufacturer of this aftermarket device." on AftermarketDevice.manufacturer) tells the model
// nothing; one unknown word among three or more known ones is still a restatement.
bool isRedundant(const QString &doc, const QString &field, const QString &owner, const QString &type);
// DIMO writes the DID format into every tokenDID's description; full renders say it once.
bool isDidFormat(const QString &doc);
bool isBuiltin(const QString &name); // String, Int, … and introspection types
// "(by: VehicleBy!, ...paging)": Relay paging arguments (first, after, last, before) abbreviated.
QString argumentList(const QJsonArray &args);
// Argument descriptions, cut (to the first clause in full renders), as "name: text; …".
QString argumentNotes(const QJsonArray &args, const QString &owner, bool full);

} // namespace app::tools::sdl
