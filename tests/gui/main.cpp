#define BOOST_TEST_MODULE gui
#include <boost/test/unit_test.hpp>
