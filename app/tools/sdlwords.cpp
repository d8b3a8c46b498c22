// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/sdlwords.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace app::tools::sdl {

namespace {

bool isPagingArgument(const QJsonObject &arg)
{
    static const QSet<QString> paging{u"first"_s, u"after"_s, u"last"_s, u"before"_s};
    const QString type = typeRef(arg.value(u"type"_s).toObject());
    return paging.contains(arg.value(u"name"_s).toString()) && (type == u"Int"_s || type == u"String"_s);
}

} // namespace

QStringList words(const QString &text)
{
    static const QRegularExpression split(u"(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+"_s);
    QStringList out;
    for (const QString &w : text.split(split, Qt::SkipEmptyParts)) {
        out << w.toLower();
    }
    return out;
}

QString typeRef(const QJsonObject &type)
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

QString firstSentence(const QString &description)
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

bool isBuiltin(const QString &name)
{
    static const QSet<QString> builtins{u"String"_s, u"Int"_s, u"Float"_s, u"Boolean"_s, u"ID"_s};
    return name.startsWith(u"__"_s) || builtins.contains(name);
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
        QString part = arg.value(u"name"_s).toString() + u": "_s + typeRef(arg.value(u"type"_s).toObject());
        const QJsonValue def = arg.value(u"defaultValue"_s);
        if (def.isString()) {
            part += u" = "_s + def.toString();
        }
        parts << part;
    }
    return u"("_s + parts.join(u", "_s) + u")"_s;
}

// Argument descriptions, cut (to the first clause in full renders), as "; name: text" after the
// field's own description.
QString argumentNotes(const QJsonArray &args, const QString &owner, bool full)
{
    QStringList notes;
    for (const QJsonValue &a : args) {
        if (isPagingArgument(a.toObject())) {
            continue;
        }
        QString text = firstSentence(a.toObject().value(u"description"_s).toString());
        text = full ? firstClause(text) : text;
        const QString argName = a.toObject().value(u"name"_s).toString();
        QString argType = typeRef(a.toObject().value(u"type"_s).toObject());
        if (!text.isEmpty() && !isRedundant(text, argName, owner, argType.remove(u'!'))) {
            notes << a.toObject().value(u"name"_s).toString() + u": "_s + text;
        }
    }
    return notes.join(u"; "_s);
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

} // namespace app::tools::sdl
