// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace app::tools {

// A GraphQL schema (the `__schema` object of an introspection result) rendered as compact SDL for
// a model's context: every type, field, argument and enum value; descriptions cut to their first
// sentence (units kept) on the field's line, a description repeated verbatim by a same-named field
// printed once; built-in scalars, introspection types and directives left out.
class CompactSchema
{
public:
    explicit CompactSchema(const QJsonObject &schema);

    // The whole schema, or only the type named `type` (case-insensitive), or only the types and
    // fields whose name or description contains `search`. An unknown type is an error with the
    // closest names; a search without matches is an error saying so.
    dimo::Result<QString> render(const QString &type = {}, const QString &search = {}) const;

    QStringList typeNames() const;
    QStringList fieldNames(const QString &typeName) const; // fields or input fields
    QStringList allFieldNames() const; // every field of every object type, unique

    bool isEmpty() const { return m_types.isEmpty(); }

    static QString firstSentence(const QString &description);
    static QString typeRef(const QJsonObject &type);
    // A description with the owner type's name words removed, to find boilerplate shared by
    // several types ("An opaque global identifier for this vehicle.").
    static QString normalizedDoc(const QString &doc, const QString &owner);

private:
    struct RenderState;
    QString renderType(const QJsonObject &type, const QString &search, RenderState &state) const;
    QString typeDoc(const QJsonObject &type, const RenderState &state) const; // " # doc" or ""
    // A member's description after the full-render rules (restatements, boilerplate, repeats).
    QString memberDoc(
        QString doc, const QString &member, const QString &owner, const QString &memberType, RenderState &state) const;
    // One type's members that match: documented ones a line each, the others grouped by signature.
    QStringList memberLines(const QJsonObject &type,
                            const QJsonArray &members,
                            bool typeMatches,
                            const QString &search,
                            RenderState &state) const;
    QStringList groupLines(const QList<QPair<QString, QStringList>> &groups,
                           const QString &owner,
                           bool isEnum,
                           const RenderState &state) const;
    void indexSchema();
    void detectConnection(const QJsonObject &type);

    QList<QJsonObject> m_types;
    // Full renders only: a description shared by same-named fields of several types is printed
    // where the field's signature is shortest; "name\x1fdoc" → type name.
    QHash<QString, QString> m_docHome;
    // "a,b,c" (sorted field names) → "Type's X fields" for field sets that mirror another type's.
    QHash<QString, QPair<QString, QString>> m_fieldSets;
    // How many differently named fields carry each description (boilerplate when >= 3).
    QHash<QString, int> m_docUses;
    // Relay connection and edge types, written as one summary line: connection → node type.
    QList<QPair<QString, QString>> m_connections;
    QSet<QString> m_collapsed;
};

} // namespace app::tools
