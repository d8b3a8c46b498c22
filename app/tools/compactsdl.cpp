// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/compactsdl.h"

#include "app/tools/sdlwords.h"
#include "app/tools/suggest.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace app::tools {

using namespace sdl;

CompactSchema::CompactSchema(const QJsonObject &schema)
{
    for (const QJsonValue &t : schema.value(u"types"_s).toArray()) {
        const QJsonObject type = t.toObject();
        if (!isBuiltin(type.value(u"name"_s).toString())) {
            m_types << type;
        }
    }
    std::sort(m_types.begin(), m_types.end(), [](const QJsonObject &a, const QJsonObject &b) {
        // Query first, then by name: the entry points lead.
        const QString an = a.value(u"name"_s).toString();
        const QString bn = b.value(u"name"_s).toString();
        if ((an == u"Query"_s) != (bn == u"Query"_s)) {
            return an == u"Query"_s;
        }
        return an < bn;
    });
    indexSchema();
}

QString CompactSchema::normalizedDoc(const QString &doc, const QString &owner)
{
    QString out = doc.toLower();
    const QStringList ownerWords = words(owner);
    for (const QString &w : ownerWords) {
        out.replace(QRegularExpression(u"\\b"_s + QRegularExpression::escape(w) + u"s?\\b"_s), u"_"_s);
    }
    return out;
}

void CompactSchema::detectConnection(const QJsonObject &type)
{
    const QString name = type.value(u"name"_s).toString();
    QHash<QString, QString> fields;
    for (const QJsonValue &f : type.value(u"fields"_s).toArray()) {
        fields.insert(f.toObject().value(u"name"_s).toString(), typeRef(f.toObject().value(u"type"_s).toObject()));
    }
    static const QSet<QString> connectionFields{u"totalCount"_s, u"edges"_s, u"nodes"_s, u"pageInfo"_s};
    if (fields.isEmpty() || !fields.contains(u"edges"_s) || fields.value(u"pageInfo"_s) != u"PageInfo!"_s) {
        return;
    }
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!connectionFields.contains(it.key())) {
            return;
        }
    }
    static const QRegularExpression listOf(u"^\\[(\\w+)!\\]!$"_s);
    const QString edge = listOf.match(fields.value(u"edges"_s)).captured(1);
    for (const QJsonObject &e : std::as_const(m_types)) {
        if (e.value(u"name"_s).toString() != edge) {
            continue;
        }
        QString node;
        for (const QJsonValue &f : e.value(u"fields"_s).toArray()) {
            const QString fieldName = f.toObject().value(u"name"_s).toString();
            const QString fieldType = typeRef(f.toObject().value(u"type"_s).toObject());
            if (fieldName == u"node"_s && fieldType.endsWith(u'!')) {
                node = fieldType.chopped(1);
            } else if (fieldName != u"cursor"_s || fieldType != u"String!"_s) {
                return;
            }
        }
        if (!node.isEmpty()) {
            // The edge is named in the summary line only where it breaks the XConnection/XEdge rule.
            const bool conventional = name.endsWith(u"Connection"_s) && edge == name.chopped(10) + u"Edge"_s;
            m_connections.append({conventional ? name : name + u'(' + edge + u')', node});
            m_collapsed << name << edge;
        }
    }
}

void CompactSchema::indexSchema()
{
    QHash<QString, int> shortest; // "name\x1fdoc" → signature length at m_docHome
    for (const QJsonObject &t : m_types) {
        const QString typeName = t.value(u"name"_s).toString();
        QHash<QString, QStringList> byType; // field type → names
        for (const QJsonValue &f : t.value(u"fields"_s).toArray()) {
            const QJsonObject field = f.toObject();
            const QString fieldName = field.value(u"name"_s).toString();
            const QString fieldType = typeRef(field.value(u"type"_s).toObject());
            byType[fieldType] << fieldName;
            const QString doc = firstSentence(field.value(u"description"_s).toString());
            if (doc.isEmpty()) {
                continue;
            }
            const QString key = fieldName + u'\x1f' + doc;
            if (!shortest.contains(key)) {
                m_docUses[normalizedDoc(doc, typeName)] += 1;
            }
            const int length = int(argumentList(field.value(u"args"_s).toArray()).size() + fieldType.size());
            if (!shortest.contains(key) || length < shortest.value(key)) {
                shortest.insert(key, length);
                m_docHome.insert(key, typeName);
            }
        }
        detectConnection(t);
        for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
            QStringList names = it.value();
            if (names.size() > 3) {
                names.sort();
                m_fieldSets.insert(names.join(u','), {typeName, it.key()});
            }
        }
    }
}

QString CompactSchema::firstSentence(const QString &description)
{
    return sdl::firstSentence(description);
}

QString CompactSchema::typeRef(const QJsonObject &type)
{
    return sdl::typeRef(type);
}

struct CompactSchema::RenderState
{
    bool full = true;
    bool didFormat = false; // a tokenDID description was left out: the legend says the format
    QSet<QString> seen;
};

QString CompactSchema::typeDoc(const QJsonObject &type, const RenderState &state) const
{
    const QString name = type.value(u"name"_s).toString();
    const QString kind = type.value(u"kind"_s).toString();
    QString doc = name == u"Query"_s ? QString() : firstSentence(type.value(u"description"_s).toString());
    if (state.full && kind != u"SCALAR"_s) {
        // Scalars keep their sentence (it is their format); other types their first clause, if it
        // says more than the name ("The VehiclesFilter input is used to specify filtering ...").
        doc = firstClause(doc);
        if (kind == u"INPUT_OBJECT"_s || isRedundant(doc, name, {}, {})) {
            doc.clear();
        }
    }
    return doc.isEmpty() ? QString() : u" # "_s + doc;
}

QString CompactSchema::memberDoc(
    QString doc, const QString &member, const QString &owner, const QString &memberType, RenderState &state) const
{
    if (isRedundant(doc, member, owner, memberType)) {
        doc.clear();
    }
    // A description repeated by a same-named field elsewhere (signals appear in two types)
    // is printed once.
    const QString key = member + u'\x1f' + doc;
    if (!doc.isEmpty() && state.full && m_docHome.value(key, owner) != owner) {
        doc.clear();
    }
    if (state.full && m_docUses.value(normalizedDoc(doc, owner)) >= 3) {
        doc = unitOf(doc); // boilerplate ("Is item open or closed?"): keep the unit only
    }
    if (!doc.isEmpty() && state.seen.contains(key)) {
        doc.clear();
    } else if (!doc.isEmpty()) {
        state.seen.insert(key);
    }
    if (state.full && isDidFormat(doc)) {
        state.didFormat = true;
        return {};
    }
    if (state.full) {
        // Cut to its first clause, the description may now be a restatement, or one already
        // printed for a same-named field ("imei" of AftermarketDevice and AftermarketDeviceBy).
        // "mintedAt: Time" says when; DIMO's "The block timestamp at which ..." adds nothing.
        const bool when = memberType == u"Time"_s && member.endsWith(u"At"_s);
        doc = when ? QString() : firstClause(doc);
        const QString shown = member + u'\x1e' + doc;
        doc = isRedundant(doc, member, owner, memberType) || state.seen.contains(shown) ? QString() : doc;
        state.seen.insert(shown);
    }
    return doc;
}

// Members without a description that share a signature, on one line ("a, b, c(agg:
// FloatAggregation!): Float"); a group mirroring another type's fields is named after it.
QStringList CompactSchema::groupLines(const QList<QPair<QString, QStringList>> &groups,
                                      const QString &owner,
                                      bool isEnum,
                                      const RenderState &state) const
{
    QStringList lines;
    for (const auto &g : groups) {
        QStringList sorted = g.second;
        sorted.sort();
        const auto mirror = m_fieldSets.constFind(sorted.join(u','));
        if (state.full && g.second.size() > 3 && mirror != m_fieldSets.constEnd() && mirror->first != owner) {
            lines << u"  <each %1 field of %2>%3"_s.arg(mirror->second, mirror->first, g.first);
            continue;
        }
        lines << u"  "_s + g.second.join(isEnum ? u" "_s : u", "_s) + g.first;
    }
    return lines;
}

QStringList CompactSchema::memberLines(const QJsonObject &type,
                                       const QJsonArray &members,
                                       bool typeMatches,
                                       const QString &search,
                                       RenderState &state) const
{
    const QString name = type.value(u"name"_s).toString();
    const QString kind = type.value(u"kind"_s).toString();
    QStringList lines; // members with a description, one per line
    QList<QPair<QString, QStringList>> groups; // signature → names, in order of first appearance
    for (const QJsonValue &m : members) {
        const QJsonObject member = m.toObject();
        const QString memberName = member.value(u"name"_s).toString();
        if (state.full && member.value(u"isDeprecated"_s).toBool()) {
            continue; // a query writer should not start using it; `type` still shows it
        }
        const QString sentence = firstSentence(member.value(u"description"_s).toString());
        if (!typeMatches && !memberName.contains(search, Qt::CaseInsensitive)
            && !sentence.contains(search, Qt::CaseInsensitive)) {
            continue;
        }
        const QString memberType = member.value(u"type"_s).isObject()
            ? typeRef(member.value(u"type"_s).toObject()).remove(u'!').remove(u'[').remove(u']')
            : QString();
        QString doc = memberDoc(sentence, memberName, name, memberType, state);
        QString signature;
        if (kind != u"ENUM"_s) {
            signature =
                argumentList(member.value(u"args"_s).toArray()) + u": "_s + typeRef(member.value(u"type"_s).toObject());
        }
        if (member.value(u"isDeprecated"_s).toBool()) {
            signature += u" @deprecated"_s;
        }
        const QString notes = argumentNotes(member.value(u"args"_s).toArray(), memberName, state.full);
        if (!notes.isEmpty()) {
            doc += (doc.isEmpty() ? QString() : u" "_s) + u"("_s + notes + u")"_s;
        }
        if (!doc.isEmpty()) {
            lines << u"  "_s + memberName + signature + u" # "_s + doc;
            continue;
        }
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
            return g.first == signature;
        });
        if (it == groups.end()) {
            groups.append({signature, {memberName}});
        } else {
            it->second << memberName;
        }
    }
    return groupLines(groups, name, kind == u"ENUM"_s, state) + lines;
}

QString CompactSchema::renderType(const QJsonObject &type, const QString &search, RenderState &state) const
{
    const QString name = type.value(u"name"_s).toString();
    const QString kind = type.value(u"kind"_s).toString();
    const bool typeMatches = search.isEmpty() || name.contains(search, Qt::CaseInsensitive);
    const QString docSuffix = typeDoc(type, state);

    if (kind == u"SCALAR"_s) {
        return typeMatches ? u"scalar "_s + name + docSuffix + u"\n"_s : QString();
    }
    if (kind == u"UNION"_s) {
        QStringList members;
        for (const QJsonValue &p : type.value(u"possibleTypes"_s).toArray()) {
            members << p.toObject().value(u"name"_s).toString();
        }
        return typeMatches ? u"union "_s + name + u" = "_s + members.join(u" | "_s) + docSuffix + u"\n"_s : QString();
    }
    QString keyword = u"type"_s;
    QJsonArray members = type.value(u"fields"_s).toArray();
    if (kind == u"INPUT_OBJECT"_s) {
        keyword = u"input"_s;
        members = type.value(u"inputFields"_s).toArray();
    } else if (kind == u"ENUM"_s) {
        keyword = u"enum"_s;
        members = type.value(u"enumValues"_s).toArray();
    } else if (kind == u"INTERFACE"_s) {
        keyword = u"interface"_s;
    }
    const QStringList lines = memberLines(type, members, typeMatches, search, state);
    if (lines.isEmpty() && !typeMatches) {
        return {};
    }
    QString header = keyword + u" "_s + name;
    QStringList interfaces;
    for (const QJsonValue &i : type.value(u"interfaces"_s).toArray()) {
        interfaces << i.toObject().value(u"name"_s).toString();
    }
    if (!interfaces.isEmpty()) {
        header += u" implements "_s + interfaces.join(u" & "_s);
    }
    return header + u" {"_s + docSuffix + u"\n"_s + lines.join(u'\n') + u"\n}\n"_s;
}

dimo::Result<QString> CompactSchema::render(const QString &type, const QString &search) const
{
    RenderState state;
    state.full = type.isEmpty() && search.isEmpty();
    QString out;
    if (!type.isEmpty()) {
        for (const QJsonObject &t : m_types) {
            const QString name = t.value(u"name"_s).toString();
            if (name.compare(type, Qt::CaseInsensitive) != 0) {
                continue;
            }
            QString one = renderType(t, search, state);
            if (one.isEmpty()) { // a search that matches none of its members
                return dimo::Error::make(
                    dimo::Error::Kind::InvalidInput,
                    u"no field of %1 matches \"%2\".%3"_s.arg(
                        name, quotable(search), didYouMean(closestNames(search, fieldNames(name)))),
                    u"Try a shorter search term, or leave `search` out for all of %1."_s.arg(name));
            }
            return one;
        }
        return dimo::Error::make(
            dimo::Error::Kind::InvalidInput,
            u"the schema has no type \"%1\".%2"_s.arg(quotable(type), didYouMean(closestNames(type, typeNames()))),
            u"Call again with `search` to find types and fields by part of their name."_s);
    }
    for (const QJsonObject &t : m_types) {
        if (state.full && m_collapsed.contains(t.value(u"name"_s).toString())) {
            continue;
        }
        out += renderType(t, search, state);
    }
    if (state.didFormat) {
        out.prepend(u"# tokenDID: did:erc721:<chainID>:<contractAddress>:<tokenId>\n"_s);
    }
    if (state.full && !m_connections.isEmpty()) {
        // One legend for the Relay types: the node types of the conventional XConnection/XEdge
        // pairs by name, the others as connection→node.
        QStringList nodes;
        QStringList others;
        for (const auto &c : m_connections) {
            if (c.first == c.second + u"Connection"_s) {
                nodes << c.second;
            } else {
                others << c.first + u"→"_s + c.second;
            }
        }
        out.prepend(u"# Relay: XConnection {totalCount: Int!, edges: [XEdge!]!, nodes: [X!]!, pageInfo: PageInfo!}, "
                    "XEdge {cursor: String!, node: X!}, ...paging = first: Int, after: String, last: Int, before: "
                    "String; for X = "_s
                    + nodes.join(u", "_s) + (others.isEmpty() ? QString() : u"; "_s + others.join(u", "_s)) + u"\n"_s);
    }
    if (out.isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                 u"no type or field matches \"%1\"."_s.arg(quotable(search))
                                     + didYouMean(closestNames(search, allFieldNames() + typeNames())),
                                 u"Try a shorter search term, or call without arguments for the whole schema."_s);
    }
    return out;
}

QStringList CompactSchema::typeNames() const
{
    QStringList out;
    for (const QJsonObject &t : m_types) {
        out << t.value(u"name"_s).toString();
    }
    return out;
}

QStringList CompactSchema::fieldNames(const QString &typeName) const
{
    QStringList out;
    for (const QJsonObject &t : m_types) {
        if (t.value(u"name"_s).toString() != typeName) {
            continue;
        }
        const QJsonArray fields =
            t.value(u"fields"_s).isArray() ? t.value(u"fields"_s).toArray() : t.value(u"inputFields"_s).toArray();
        for (const QJsonValue &f : fields) {
            out << f.toObject().value(u"name"_s).toString();
        }
    }
    return out;
}

QStringList CompactSchema::allFieldNames() const
{
    QStringList out;
    QSet<QString> seen;
    for (const QJsonObject &t : m_types) {
        for (const QJsonValue &f : t.value(u"fields"_s).toArray()) {
            const QString n = f.toObject().value(u"name"_s).toString();
            if (!seen.contains(n)) {
                seen.insert(n);
                out << n;
            }
        }
    }
    return out;
}

} // namespace app::tools
