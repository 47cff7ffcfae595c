#define BOOST_TEST_MODULE demo
#include <boost/test/unit_test.hpp>
