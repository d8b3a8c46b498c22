// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// Conformance fixtures: test:// resources, the resource template and the test_* prompts.
#include "mcp/server.h"
#include "tests/mcp/conformance/fixtures.h"

using namespace Qt::StringLiterals;

namespace mcp::conformance {

namespace {

ResourceReader textReader(const QString &mimeType, const QString &text)
{
    return [mimeType, text](const QString &uri, const QHash<QString, QString> &) {
        return ResourceReadResult{{ResourceContents{uri, mimeType, text, {}, false}}, std::nullopt};
    };
}

PromptResult userText(const QString &text)
{
    return PromptResult{{}, {PromptMessage{u"user"_s, content::text(text)}}, std::nullopt};
}

QStringList byPrefix(const QStringList &values, const QString &prefix)
{
    QStringList out;
    for (const QString &v : values) {
        if (v.startsWith(prefix, Qt::CaseInsensitive)) {
            out.append(v);
        }
    }
    return out;
}

} // namespace

void registerFixtureResourcesAndPrompts(Server &server)
{
    Registry &reg = server.registry();
    reg.addResource({u"test://static-text"_s,
                     u"static-text"_s,
                     u"Static text"_s,
                     u"A static text resource"_s,
                     u"text/plain"_s,
                     textReader(u"text/plain"_s, u"This is the content of the static text resource."_s)});
    reg.addResource({u"test://static-binary"_s,
                     u"static-binary"_s,
                     u"Static binary"_s,
                     u"A static binary resource"_s,
                     u"image/png"_s,
                     [](const QString &uri, const QHash<QString, QString> &) {
                         return ResourceReadResult{
                             {ResourceContents{uri, u"image/png"_s, {}, QByteArray::fromBase64(pngBase64()), true}},
                             std::nullopt};
                     }});
    reg.addResource({u"test://watched-resource"_s,
                     u"watched-resource"_s,
                     u"Watched resource"_s,
                     u"A resource for subscription tests"_s,
                     u"text/plain"_s,
                     textReader(u"text/plain"_s, u"Watched resource content"_s)});
    reg.addResourceTemplate(
        {u"test://template/{id}/data"_s,
         u"template-data"_s,
         u"Template data"_s,
         u"Data for an id"_s,
         u"application/json"_s,
         [](const QString &uri, const QHash<QString, QString> &vars) {
             const QString id = vars.value(u"id"_s);
             const QString json = u"{\"id\":\"%1\",\"templateTest\":true,\"data\":\"Data for ID: %1\"}"_s.arg(id);
             return ResourceReadResult{{ResourceContents{uri, u"application/json"_s, json, {}, false}}, std::nullopt};
         },
         [](const QString &, const QString &value, const QHash<QString, QString> &) {
             return byPrefix({u"123"_s, u"456"_s, u"789"_s}, value);
         }});

    reg.addPrompt({u"test_simple_prompt"_s,
                   u"Simple prompt"_s,
                   u"A prompt without arguments"_s,
                   {},
                   [](const QHash<QString, QString> &) {
                       return userText(u"This is a simple prompt for testing."_s);
                   },
                   {}});
    reg.addPrompt({u"test_prompt_with_arguments"_s,
                   u"Prompt with arguments"_s,
                   u"A prompt with two arguments"_s,
                   {PromptArgument{u"arg1"_s, {}, u"First test argument"_s, true},
                    PromptArgument{u"arg2"_s, {}, u"Second test argument"_s, true}},
                   [](const QHash<QString, QString> &args) {
                       return userText(u"Prompt with arguments: arg1='%1', arg2='%2'"_s.arg(args.value(u"arg1"_s),
                                                                                            args.value(u"arg2"_s)));
                   },
                   [](const QString &, const QString &value, const QHash<QString, QString> &) {
                       return byPrefix({u"paris"_s, u"park"_s, u"party"_s, u"test"_s, u"testing"_s}, value);
                   }});
    reg.addPrompt({u"test_prompt_with_embedded_resource"_s,
                   u"Prompt with embedded resource"_s,
                   u"A prompt that embeds a resource"_s,
                   {PromptArgument{u"resourceUri"_s, {}, u"URI of the resource to embed"_s, true}},
                   [](const QHash<QString, QString> &args) {
                       PromptResult r;
                       r.messages.append({u"user"_s,
                                          content::embeddedText(args.value(u"resourceUri"_s),
                                                                u"text/plain"_s,
                                                                u"Embedded resource content for testing."_s)});
                       r.messages.append({u"user"_s, content::text(u"Please process the embedded resource above."_s)});
                       return r;
                   },
                   {}});
    reg.addPrompt({u"test_prompt_with_image"_s,
                   u"Prompt with image"_s,
                   u"A prompt with an image"_s,
                   {},
                   [](const QHash<QString, QString> &) {
                       PromptResult r;
                       r.messages.append({u"user"_s, content::image(pngBase64(), u"image/png"_s)});
                       r.messages.append({u"user"_s, content::text(u"Please analyze the image above."_s)});
                       return r;
                   },
                   {}});
}

} // namespace mcp::conformance
