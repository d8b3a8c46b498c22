// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <utility>

namespace mcp {

template <class Signature> class UniqueFunction;

/// A move-only std::function (std::move_only_function is C++23): lets callbacks own a Responder.
template <class R, class... Args> class UniqueFunction<R(Args...)>
{
public:
    UniqueFunction() = default;

    template <class F>
    UniqueFunction(F f) // NOLINT(google-explicit-constructor): implicit like std::function
        : m_impl(std::make_unique<Impl<F>>(std::move(f)))
    {}

    explicit operator bool() const { return m_impl != nullptr; }

    R operator()(Args... args) const { return m_impl->call(std::forward<Args>(args)...); }

private:
    struct Base
    {
        virtual ~Base() = default;
        virtual R call(Args... args) = 0;
    };

    template <class F> struct Impl : Base
    {
        explicit Impl(F f)
            : fn(std::move(f))
        {}

        R call(Args... args) override { return fn(std::forward<Args>(args)...); }

        F fn;
    };

    std::unique_ptr<Base> m_impl;
};

} // namespace mcp
