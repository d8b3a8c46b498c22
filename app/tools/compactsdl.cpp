// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/compactsdl.h"

#include "app/tools/suggest.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {

bool isBuiltin(const QString &name)
{
    static const QSet<QString> builtins{u"String"_s, u"Int"_s, u"Float"_s, u"Boolean"_s, u"ID"_s};
    return name.startsWith(u"__"_s) || builtins.contains(name);
}

bool isRedundant(const QString &doc, const QString &field, const QString &owner, const QString &type);

bool isPagingArgument(const QJsonObject &arg)
{
    static const QSet<QString> paging{u"first"_s, u"after"_s, u"last"_s, u"before"_s};
    const QString type = CompactSchema::typeRef(arg.value(u"type"_s).toObject());
    return paging.contains(arg.value(u"name"_s).toString()) && (type == u"Int"_s || type == u"String"_s);
}

// Relay paging arguments (first, after, last, before) are written as "...paging".
QString argumentList(const QJsonArray &args)
{
    if (args.isEmpty()) {
        return {};
    }
    QStringList parts;
    int pagingCount = 0;
    for (const QJsonValue &a : args) {
        pagingCount += isPagingArgument(a.toObject()) ? 1 : 0;
    }
    const bool abbreviate = pagingCount == 4;
    if (abbreviate) {
        parts << u"...paging"_s;
    }
    for (const QJsonValue &a : args) {
        const QJsonObject arg = a.toObject();
        if (abbreviate && isPagingArgument(arg)) {
            continue;
        }
        QString part =
            arg.value(u"name"_s).toString() + u": "_s + CompactSchema::typeRef(arg.value(u"type"_s).toObject());
        const QJsonValue def = arg.value(u"defaultValue"_s);
        if (def.isString()) {
            part += u" = "_s + def.toString();
        }
        parts << part;
    }
    return u"("_s + parts.join(u", "_s) + u")"_s;
}

QString firstClause(const QString &doc);

// Argument descriptions, cut (to the first clause in full renders), as "; name: text" after the
// field's own description.
QString argumentNotes(const QJsonArray &args, const QString &owner, bool full)
{
    QStringList notes;
    for (const QJsonValue &a : args) {
        if (isPagingArgument(a.toObject())) {
            continue;
        }
        QString text = CompactSchema::firstSentence(a.toObject().value(u"description"_s).toString());
        text = full ? firstClause(text) : text;
        const QString argName = a.toObject().value(u"name"_s).toString();
        QString argType = CompactSchema::typeRef(a.toObject().value(u"type"_s).toObject());
        if (!text.isEmpty() && !isRedundant(text, argName, owner, argType.remove(u'!'))) {
            notes << a.toObject().value(u"name"_s).toString() + u": "_s + text;
        }
    }
    return notes.join(u"; "_s);
}

QStringList words(const QString &text)
{
    static const QRegularExpression split(u"(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+"_s);
    QStringList out;
    for (const QString &w : text.split(split, Qt::SkipEmptyParts)) {
        out << w.toLower();
    }
    return out;
}

// A description that only restates the field's, its owner's and its type's names ("The
// manufacturer of this aftermarket device." on AftermarketDevice.manufacturer) tells the model
// nothing; one unknown word among three or more known ones is still a restatement.
bool isRedundant(const QString &doc, const QString &field, const QString &owner, const QString &type)
{
    // Words that say nothing about a field: articles, and the vocabulary of generated
    // descriptions ("The VehiclesFilter input is used to specify filtering criteria for ...").
    static const QSet<QString> filler{
        u"the"_s,      u"a"_s,       u"an"_s,         u"of"_s,       u"this"_s,      u"for"_s,        u"is"_s,
        u"in"_s,       u"to"_s,      u"and"_s,        u"or"_s,       u"with"_s,      u"by"_s,         u"its"_s,
        u"that"_s,     u"s"_s,       u"id"_s,         u"if"_s,       u"any"_s,       u"which"_s,      u"at"_s,
        u"on"_s,       u"view"_s,    u"particular"_s, u"retrieve"_s, u"retrieves"_s, u"list"_s,       u"lists"_s,
        u"get"_s,      u"was"_s,     u"be"_s,         u"has"_s,      u"been"_s,      u"as"_s,         u"input"_s,
        u"used"_s,     u"specify"_s, u"specified"_s,  u"filter"_s,   u"filters"_s,   u"filtering"_s,  u"criteria"_s,
        u"querying"_s, u"based"_s,   u"specific"_s,   u"given"_s,    u"unique"_s,    u"represents"_s, u"information"_s,
        u"about"_s,    u"query"_s,   u"search"_s,     u"relay"_s,    u"style"_s,     u"listing"_s};
    // Words a field's type already says ("The block timestamp at which ..." on a Time field).
    static const QHash<QString, QStringList> typeWords{
        {u"Time"_s, {u"timestamp"_s, u"block"_s, u"time"_s}},
        {u"ID"_s, {u"identifier"_s, u"opaque"_s, u"global"_s}},
    };
    if (doc.isEmpty() || doc.contains(u'[')) {
        return false;
    }
    QSet<QString> known;
    for (const QString &w : words(field) + words(owner) + words(type) + typeWords.value(type)) {
        known.insert(w);
        known.insert(w + u"s"_s);
        if (w.endsWith(u's')) {
            known.insert(w.chopped(1));
        }
    }
    int content = 0;
    int unknown = 0;
    for (const QString &w : words(doc)) {
        if (filler.contains(w)) {
            continue;
        }
        ++content;
        unknown += known.contains(w) ? 0 : 1;
    }
    return unknown == 0 || (unknown == 1 && content >= 3);
}

QString unitOf(const QString &doc)
{
    static const QRegularExpression unit(u"\\[[^\\]]+\\]$"_s);
    return unit.match(doc).captured(0);
}

// Full renders: a description up to its first clause (", ", "; ", " (", " - " after at least three
// words), without the closing period; a trailing unit ("[km/h]") is kept.
QString firstClause(const QString &doc)
{
    const QString unit = unitOf(doc);
    QString text = doc.chopped(unit.size()).trimmed();
    static const QRegularExpression cut(u", |; | \\(| - "_s);
    for (auto it = cut.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (text.left(m.capturedStart()).count(u' ') >= 2) {
            text.truncate(m.capturedStart());
            break;
        }
    }
    if (text.endsWith(u'.')) {
        text.chop(1);
    }
    static const QRegularExpression article(u"^(The|A|An) "_s);
    text.remove(article);
    return unit.isEmpty() || text.isEmpty() ? QString(text + unit) : QString(text + u' ' + unit);
}

// DIMO writes the DID format into every tokenDID's description; full renders say it once.
bool isDidFormat(const QString &doc)
{
    return doc.contains(u"did:erc721:"_s);
}

} // namespace

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
    static const QRegularExpression unitRe(u"Unit: '([^']+)'"_s);
    const QString unit = unitRe.match(description).captured(1);
    // The first line (DIMO's generated descriptions put units and privileges on later lines).
    QString text;
    for (const QString &line : description.trimmed().split(u'\n')) {
        const QString l = line.trimmed();
        if (l.startsWith(u"Unit:"_s) || l.startsWith(u"Required Privileges"_s)) {
            break;
        }
        text += l + u' ';
    }
    text = text.simplified();
    if (text.isEmpty() || text.startsWith(u"Unit:"_s) || text.startsWith(u"Required Privileges"_s)) {
        return unit.isEmpty() ? QString() : u"["_s + unit + u"]"_s;
    }
    static const QRegularExpression end(u"[.!?](\\s|$)"_s);
    const QRegularExpressionMatch m = end.match(text);
    if (m.hasMatch()) {
        text.truncate(m.capturedStart() + 1);
    }
    if (text.size() > 160) {
        text = text.left(157) + u"..."_s;
    }
    if (!unit.isEmpty() && !text.contains(unit)) {
        text += u" ["_s + unit + u"]"_s;
    }
    return text;
}

QString CompactSchema::typeRef(const QJsonObject &type)
{
    const QString kind = type.value(u"kind"_s).toString();
    if (kind == u"NON_NULL"_s) {
        return typeRef(type.value(u"ofType"_s).toObject()) + u"!"_s;
    }
    if (kind == u"LIST"_s) {
        return u"["_s + typeRef(type.value(u"ofType"_s).toObject()) + u"]"_s;
    }
    return type.value(u"name"_s).toString();
}

struct CompactSchema::RenderState
{
    bool full = true;
    bool didFormat = false; // a tokenDID description was left out: the legend says the format
    QSet<QString> seen;
};

QString CompactSchema::renderType(const QJsonObject &type, const QString &search, RenderState &state) const
{
    const QString name = type.value(u"name"_s).toString();
    const QString kind = type.value(u"kind"_s).toString();
    const bool typeMatches = search.isEmpty() || name.contains(search, Qt::CaseInsensitive);
    QString typeDoc = name == u"Query"_s ? QString() : firstSentence(type.value(u"description"_s).toString());
    if (state.full && kind != u"SCALAR"_s) {
        // Scalars keep their sentence (it is their format); other types their first clause, if it
        // says more than the name ("The VehiclesFilter input is used to specify filtering ...").
        typeDoc = firstClause(typeDoc);
        if (kind == u"INPUT_OBJECT"_s || isRedundant(typeDoc, name, {}, {})) {
            typeDoc.clear();
        }
    }
    const QString docSuffix = typeDoc.isEmpty() ? QString() : u" # "_s + typeDoc;

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
    // Members without a description that share a signature are written on one line
    // ("a, b, c(agg: FloatAggregation!): Float"), in order of first appearance.
    QStringList lines;
    QList<QPair<QString, QStringList>> groups; // signature → names
    for (const QJsonValue &m : members) {
        const QJsonObject member = m.toObject();
        const QString memberName = member.value(u"name"_s).toString();
        if (state.full && member.value(u"isDeprecated"_s).toBool()) {
            continue; // a query writer should not start using it; `type` still shows it
        }
        QString doc = firstSentence(member.value(u"description"_s).toString());
        const bool matches = typeMatches || memberName.contains(search, Qt::CaseInsensitive)
            || doc.contains(search, Qt::CaseInsensitive);
        if (!matches) {
            continue;
        }
        const QString memberType = member.value(u"type"_s).isObject()
            ? typeRef(member.value(u"type"_s).toObject()).remove(u'!').remove(u'[').remove(u']')
            : QString();
        if (isRedundant(doc, memberName, name, memberType)) {
            doc.clear();
        }
        // A description repeated by a same-named field elsewhere (signals appear in two types)
        // is printed once.
        const QString key = memberName + u'\x1f' + doc;
        if (!doc.isEmpty() && state.full && m_docHome.value(key, name) != name) {
            doc.clear();
        }
        if (state.full && m_docUses.value(normalizedDoc(doc, name)) >= 3) {
            doc = unitOf(doc); // boilerplate ("Is item open or closed?"): keep the unit only
        }
        if (!doc.isEmpty() && state.seen.contains(key)) {
            doc.clear();
        } else if (!doc.isEmpty()) {
            state.seen.insert(key);
        }
        if (state.full && isDidFormat(doc)) {
            doc.clear();
            state.didFormat = true;
        } else if (state.full) {
            // Cut to its first clause, the description may now be a restatement, or one already
            // printed for a same-named field ("imei" of AftermarketDevice and AftermarketDeviceBy).
            // "mintedAt: Time" says when; DIMO's "The block timestamp at which ..." adds nothing.
            const bool when = memberType == u"Time"_s && memberName.endsWith(u"At"_s);
            doc = when ? QString() : firstClause(doc);
            const QString shown = memberName + u'\x1e' + doc;
            doc = isRedundant(doc, memberName, name, memberType) || state.seen.contains(shown) ? QString() : doc;
            state.seen.insert(shown);
        }
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
    QStringList grouped;
    for (const auto &g : groups) {
        QStringList sorted = g.second;
        sorted.sort();
        const auto mirror = m_fieldSets.constFind(sorted.join(u','));
        if (state.full && g.second.size() > 3 && mirror != m_fieldSets.constEnd() && mirror->first != name) {
            grouped << u"  <each %1 field of %2>%3"_s.arg(mirror->second, mirror->first, g.first);
            continue;
        }
        grouped << u"  "_s + g.second.join(kind == u"ENUM"_s ? u" "_s : u", "_s) + g.first;
    }
    lines = grouped + lines;
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
            if (t.value(u"name"_s).toString().compare(type, Qt::CaseInsensitive) == 0) {
                return renderType(t, search, state);
            }
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
