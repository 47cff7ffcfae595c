#define BOOST_TEST_MODULE campaigns
#include <boost/test/unit_test.hpp>
