// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace dimo {

// Either a value of T or an Error. Deliberately tiny: construct from a T or an Error, ask
// ok(), read value() or error(). Accessing the wrong side is a programming error (asserts).
template <class T> class Result
{
public:
    using ValueType = T;

    Result(const T &v)
        : m_v(std::in_place_index<0>, v)
    {}

    Result(T &&v)
        : m_v(std::in_place_index<0>, std::move(v))
    {}

    Result(const Error &e)
        : m_v(std::in_place_index<1>, e)
    {}

    Result(Error &&e)
        : m_v(std::in_place_index<1>, std::move(e))
    {}

    bool ok() const { return m_v.index() == 0; }

    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_v);
    }

    T &value() &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_v);
    }

    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::get<0>(std::move(m_v));
    }

    const T *operator->() const { return &value(); }

    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_v);
    }

    T valueOr(T fallback) const { return ok() ? std::get<0>(m_v) : std::move(fallback); }

    // Map the value, passing errors through unchanged.
    template <class F> auto map(F &&f) const -> Result<std::invoke_result_t<F, const T &>>
    {
        if (ok()) {
            return f(std::get<0>(m_v));
        }
        return std::get<1>(m_v);
    }

private:
    std::variant<T, Error> m_v;
};

using Status = Result<std::monostate>;

inline Status success()
{
    return Status(std::monostate{});
}

} // namespace dimo
